using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Knowledge.Corpus;

/// <summary>
/// Questions people would ask of a passage, written from the passage's own content (corpus/passage-questions.jsonl:
/// one <c>{"source", "anchor", "questions"}</c> a line, the anchor being the passage's first 80 characters), matched
/// question to question: a small sentence model compares a patient's question with another question far better
/// than with a paragraph. A passage whose text changed no longer matches its anchor and simply has no examples.
/// Beside them, questions people ask that no passage answers (corpus/unanswerable-questions.jsonl: one
/// <c>{"question"}</c> a line): a question closer to one of those than to anything the passages answer is one to decline.
/// </summary>
public sealed class ExampleQuestions
{
    /// <summary>The file's name in the corpus folder.</summary>
    public const string FileName = "passage-questions.jsonl";

    /// <summary>The unanswerable questions' file name in the corpus folder.</summary>
    public const string UnanswerableFileName = "unanswerable-questions.jsonl";

    /// <summary>Characters of a passage's start that identify it.</summary>
    public const int AnchorLength = 80;

    private readonly Dictionary<(string Source, string Anchor), string[]> _questions;

    private ExampleQuestions(Dictionary<(string Source, string Anchor), string[]> questions, IReadOnlyList<string> unanswerable)
    {
        _questions = questions;
        Unanswerable = unanswerable;
    }

    /// <summary>No examples.</summary>
    public static ExampleQuestions None { get; } = new([], []);

    /// <summary>Questions no passage of the corpus answers.</summary>
    public IReadOnlyList<string> Unanswerable { get; }

    /// <summary>The examples in <paramref name="corpusDirectory"/>'s files; none for a file that is not there.</summary>
    public static ExampleQuestions Load(string corpusDirectory)
    {
        var questions = new Dictionary<(string, string), string[]>();
        foreach (var entry in Read<Entry>(Path.Combine(corpusDirectory, FileName)))
        {
            questions[(entry.Source, entry.Anchor)] = [.. entry.Questions.Where(question => !string.IsNullOrWhiteSpace(question))];
        }

        var unanswerable = Read<UnanswerableEntry>(Path.Combine(corpusDirectory, UnanswerableFileName)).Select(entry => entry.Question).Where(question => !string.IsNullOrWhiteSpace(question)).ToArray();
        return new ExampleQuestions(questions, unanswerable);
    }

    /// <summary>These examples less the passages' questions <paramref name="leaveOut"/> picks (the unanswerable ones stay).</summary>
    public ExampleQuestions Without(Func<string, bool> leaveOut)
    {
        ArgumentNullException.ThrowIfNull(leaveOut);
        return new ExampleQuestions(_questions.ToDictionary(entry => entry.Key, entry => entry.Value.Where(question => !leaveOut(question)).ToArray()), Unanswerable);
    }

    /// <summary>The example questions <paramref name="passage"/> answers.</summary>
    public IReadOnlyList<string> For(Passage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        var anchor = passage.Text.Length > AnchorLength ? passage.Text[..AnchorLength] : passage.Text;
        return _questions.GetValueOrDefault((passage.SourceId, anchor), []);
    }

    private static IEnumerable<T> Read<T>(string path) =>
        File.Exists(path)
            ? File.ReadLines(path).Select((line, index) => (line, index)).Where(entry => !string.IsNullOrWhiteSpace(entry.line))
                .Select(entry => JsonSerializer.Deserialize<T>(entry.line) ?? throw new InvalidDataException($"{path}:{entry.index + 1} is empty"))
            : [];

    private sealed record UnanswerableEntry([property: JsonPropertyName("question")] string Question);

    private sealed record Entry(
        [property: JsonPropertyName("source")] string Source,
        [property: JsonPropertyName("anchor")] string Anchor,
        [property: JsonPropertyName("questions")] string[] Questions);
}
