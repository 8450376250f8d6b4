using System.Text.Json;
using Bot.Knowledge;
using Bot.Knowledge.Corpus;
using Bot.Knowledge.Retrieval;
using Bot.Knowledge.Semantic;

namespace Bot.Cli.Tests;

/// <summary>
/// <c>tune</c> over the repository's corpus with two small labelled files and five unanswerable questions (the real
/// bank of several hundred would make the grid search take a minute).
/// </summary>
public sealed class RankingTunerTests : IDisposable
{
    private static readonly string[] Unanswerable =
    [
        "What dose of creatine should I take?", "Who won the world cup?", "How long do people with ALS live?",
        "Does my insurance pay for physiotherapy?", "Which hospital is best for muscular dystrophy?",
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("bot-tune-").FullName;

    [Fact]
    public void Run_TwoLabelledFiles_WritesWeightsAndEachFilesHeldOutFigures()
    {
        var plain = Write("plain.jsonl",
            Case("p1", "What is muscle wasting?", "a loss of muscle mass"),
            Case("p2", "What are the symptoms of cachexia?", "significant loss of appetite"),
            Case("p3", "Can bed rest cause muscle loss?", "can lead to a loss of muscle mass"),
            Case("p4", "What is sarcopenia?", "sarcopenia"));
        var lay = Write("lay.jsonl",
            Case("l1", "does lying in bed for weeks make your muscles go", "bed rest"),
            Case("l2", "what does the physio do for thin legs", "physical therapy"),
            """{"id": "l3", "question": "how much does a physio session cost", "expect": "decline"}""");
        var examples = Path.Combine(_folder, "examples");
        Directory.CreateDirectory(examples);
        File.Copy(Path.Combine(Engine.Root, "corpus", ExampleQuestions.FileName), Path.Combine(examples, ExampleQuestions.FileName));
        File.WriteAllLines(Path.Combine(examples, ExampleQuestions.UnanswerableFileName), Unanswerable.Select(question => JsonSerializer.Serialize(new { question })));
        var weightsPath = Path.Combine(_folder, "weights.json");
        var output = new StringWriter();

        var exit = RankingTuner.Run(
            exampleQuestions => KnowledgeBase.Load(Path.Combine(Engine.Root, "corpus"), MiniLmEmbedder.Shared, examples: exampleQuestions),
            ExampleQuestions.Load(examples), [plain, lay], weightsPath, output);

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Matches(@"held out, plain\.jsonl: \d/4 \(answers \d/4, declines 0/0\)", text);
        Assert.Matches(@"held out, lay\.jsonl: \d/3 \(answers \d/2, declines \d/1\)", text);
        Assert.Matches(@"held out, the corpus's unanswerable questions: \d/5 \(answers 0/0, declines \d/5\)", text);
        var weights = JsonSerializer.Deserialize<RankingWeights>(File.ReadAllText(weightsPath))!;
        Assert.Equal(RankingWeights.FeatureCount + 1, weights.Calibration.Length);
        Assert.InRange(weights.MinConfidence, 0.05, 0.95);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Case(string id, string question, string phrase) =>
        JsonSerializer.Serialize(new { id, question, expect = "answer", contains_any = new[] { phrase } });

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }
}
