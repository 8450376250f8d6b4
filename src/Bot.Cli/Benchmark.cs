using System.Diagnostics;
using Bot.Knowledge;
using Bot.Knowledge.Answers;
using Bot.Knowledge.Corpus;
using Bot.Knowledge.Analysis;
using Bot.Knowledge.Highlight;
using Bot.Knowledge.Index;
using Bot.Knowledge.Search;
using Bot.Knowledge.Semantic;
using Bot.Knowledge.Triage;
using Bot.Knowledge.Understanding;

namespace Bot.Cli;

/// <summary>
/// The <c>bench</c> command: index build time, search and whole-answer latency (median and p99) over the
/// evaluation questions, the same on deterministic synthetic corpora of recombined corpus sentences, and memory.
/// Run it in Release: <c>dotnet run -c Release --project src/Bot.Cli -- bench</c>.
/// </summary>
internal static class Benchmark
{
    private const int Seed = 20261121;

    public static int Run(AppSettings settings, string[] options, TextWriter output)
    {
        var questionsPath = OptionValue(options, "--questions") ?? FindDevQuestions();
        var sizes = (OptionValue(options, "--sizes") ?? "10000,100000").Split(',').Select(int.Parse).ToArray();
        var rounds = int.Parse(OptionValue(options, "--rounds") ?? "200");
        var questions = questionsPath is null
            ? ["what is muscle wasting", "how does nutrition help", "what is sarcopenia", "physical therapy for atrophy", "muscel wastign"]
            : Evaluator.Read(questionsPath).Select(evalCase => evalCase.Question).ToArray();

        output.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; {questions.Length} questions × {rounds} rounds");
        output.WriteLine();
        output.WriteLine("| corpus | passages | build (ms) | search p50 (µs) | search p99 (µs) | answer p50 (µs) | answer p99 (µs) | managed heap after build (MB) |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");

        var buildTimes = new List<double>();
        KnowledgeBase engine = null!;
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            engine = KnowledgeBase.Load(settings.CorpusDirectory, MiniLmEmbedder.Shared, settings.Search, settings.Answers, settings.Clinic);
            buildTimes.Add(watch.Elapsed.TotalMilliseconds);
        }

        Row(output, "corpus/", engine.Corpus.Passages.Count, Median(buildTimes), engine.Searcher, engine.Answers, questions, rounds);

        foreach (var size in sizes)
        {
            var passages = Synthesize(engine.Corpus, size);
            GC.Collect();
            var watch = Stopwatch.StartNew();
            var snapshot = new IndexBuilder(engine.Analyzer).Build(passages, engine.Corpus.Sources);
            var searcher = new Bm25PassageSearcher(snapshot, engine.Analyzer, settings.Search);
            var build = watch.Elapsed.TotalMilliseconds;
            var answers = new AnswerService(searcher, new PassageHighlighter(), MiniLmEmbedder.Shared, new MessageTriage(TriageModel.Shipped), settings.Answers, settings.Clinic);
            Row(output, $"synthetic {size / 1000}k", size, build, searcher, answers, questions, Math.Max(5, rounds / 10));
            GC.KeepAlive(snapshot);
        }

        output.WriteLine();
        var triage = new MessageTriage(TriageModel.Shipped);
        var read = Measure(questions, Math.Max(5, rounds / 10), question => Message.Read(question, MiniLmEmbedder.Shared));
        var messages = questions.Select(question => Message.Read(question, MiniLmEmbedder.Shared)).ToArray();
        var classify = Measure([.. Enumerable.Range(0, messages.Length).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))], rounds, i => triage.Classify(messages[int.Parse(i, System.Globalization.CultureInfo.InvariantCulture)]));
        output.WriteLine("| triage step | p50 (µs) | p99 (µs) |");
        output.WriteLine("|---|---:|---:|");
        output.WriteLine($"| message embedding (MiniLM, once per message) | {Percentile(read, 0.5):0} | {Percentile(read, 0.99):0} |");
        output.WriteLine($"| rules + model (logistic + nearest examples) | {Percentile(classify, 0.5):0} | {Percentile(classify, 0.99):0} |");
        output.WriteLine();
        output.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0} MB");
        return 0;
    }

    /// <summary>Passages made of 2–4 corpus sentences drawn with a fixed seed, so every run indexes the same text.</summary>
    public static IReadOnlyList<Passage> Synthesize(KnowledgeCorpus corpus, int count)
    {
        var sentences = corpus.Passages
            .Where(passage => passage.GroupId == passage.Id)
            .SelectMany(passage => SentenceSplitter.Split(passage.Text).Select(span => (passage.SourceId, Text: passage.Text[span.Start..span.End])))
            .ToArray();
        var random = new Random(Seed);
        var passages = new Passage[count];
        for (var i = 0; i < count; i++)
        {
            var parts = Enumerable.Range(0, random.Next(2, 5)).Select(_ => sentences[random.Next(sentences.Length)]).ToArray();
            var text = string.Join(' ', parts.Select(part => part.Text));
            passages[i] = new Passage(i, parts[0].SourceId, null, 0, text.Length, text);
        }

        return passages;
    }

    private static void Row(TextWriter output, string name, int passages, double buildMs, Bm25PassageSearcher searcher, AnswerService answers, string[] questions, int rounds)
    {
        var search = Measure(questions, rounds, question => searcher.Search(question, 8));
        var answer = Measure(questions, rounds, question => answers.Ask(question));
        var heap = GC.GetTotalMemory(forceFullCollection: true) / (1024.0 * 1024);
        output.WriteLine($"| {name} | {passages} | {buildMs:0.0} | {Percentile(search, 0.5):0.0} | {Percentile(search, 0.99):0.0} | {Percentile(answer, 0.5):0.0} | {Percentile(answer, 0.99):0.0} | {heap:0} |");
    }

    private static List<double> Measure(string[] questions, int rounds, Action<string> action)
    {
        // Warm up until the JIT has optimised the hot paths, so the figures describe a running service.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(3))
        {
            foreach (var question in questions)
            {
                action(question);
            }
        }

        var samples = new List<double>(questions.Length * rounds);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var question in questions)
            {
                var start = Stopwatch.GetTimestamp();
                action(question);
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }
        }

        return samples;
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    internal static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Floor(p * sorted.Length))];
    }

    internal static string? OptionValue(string[] options, string name)
    {
        var index = Array.IndexOf(options, name);
        return index >= 0 && index + 1 < options.Length ? options[index + 1] : null;
    }

    private static string? FindDevQuestions()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "..", "shared", "eval", "dev-questions.jsonl");
            if (File.Exists(path))
            {
                return Path.GetFullPath(path);
            }
        }

        return null;
    }
}
