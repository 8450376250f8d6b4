using System.Diagnostics;
using Bot.Knowledge;
using Bot.Knowledge.Answers;
using Bot.Knowledge.Corpus;
using Bot.Knowledge.Highlight;
using Bot.Knowledge.Indexing;
using Bot.Knowledge.Retrieval;
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

    public static async Task<int> RunAsync(AppSettings settings, string[] options, TextWriter output)
    {
        var questionsPath = OptionValue(options, "--questions") ?? FindDevQuestions();
        var sizes = (OptionValue(options, "--sizes") ?? "10000,100000").Split(',').Select(int.Parse).ToArray();
        var rounds = int.Parse(OptionValue(options, "--rounds") ?? "200");
        var engineOnly = options.Contains("--engine-only");

        // Answers are timed worked out each time; "repeated" asks go through the question cache and the reply memory.
        var fresh = settings.Answers with { RememberedReplies = 0 };
        var questions = questionsPath is null
            ? ["what is muscle wasting", "how does nutrition help", "what is sarcopenia", "physical therapy for atrophy", "muscel wastign"]
            : Evaluator.Read(questionsPath).Select(evalCase => evalCase.Question).ToArray();
        var scratch = Directory.CreateTempSubdirectory("bot-bench-");
        try
        {
            output.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; {questions.Length} questions × {rounds} rounds; load average before: {LoadAverage()}");
            output.WriteLine();
            output.WriteLine("Answers are AnswerService.Ask from the question's text: its MiniLM embedding, triage, search, the cosine scan and composition; the scan is HybridRanker.Rank alone. \"Repeated\" asks through the question cache and the reply memory, every question already seen.");
            output.WriteLine();
            output.WriteLine("| corpus | passages | vectors (sentences, examples) | int8 (MB) | float32 (MB) | build (ms) | reopen persisted (ms) | index on disk (MB) | search p50 (µs) | search p99 (µs) | scan p50 (µs) | scan p99 (µs) | answer p50 (µs) | answer p99 (µs) | collections / GC pause in answers (ms) | repeated p50 (µs) | repeated p99 (µs) | managed heap (MB) | working set (MB) |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");

            // The corpus: load, ingest and index in memory five times (median), then the same into a persisted folder
            // and reopened as a restart does (the corpus is read again; the index is not rebuilt).
            var builds = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                var watch = Stopwatch.StartNew();
                using var built = KnowledgeBase.Load(settings.CorpusDirectory, MiniLmEmbedder.Shared, settings.Search, fresh, settings.Clinic);
                builds.Add(watch.Elapsed.TotalMilliseconds);
            }

            var corpusFolder = Path.Combine(scratch.FullName, "corpus");
            KnowledgeBase.Load(settings.CorpusDirectory, MiniLmEmbedder.Shared, settings.Search, fresh, settings.Clinic, corpusFolder).Dispose();
            var reopens = new List<double>();
            KnowledgeBase engine = null!;
            for (var i = 0; i < 5; i++)
            {
                engine?.Dispose();
                var watch = Stopwatch.StartNew();
                engine = KnowledgeBase.Load(settings.CorpusDirectory, MiniLmEmbedder.Shared, settings.Search, fresh, settings.Clinic, corpusFolder);
                reopens.Add(watch.Elapsed.TotalMilliseconds);
            }

            using var cache = new QueryEmbeddingCache(MiniLmEmbedder.Shared);
            using var cached = KnowledgeBase.Load(settings.CorpusDirectory, cache, settings.Search, settings.Answers, settings.Clinic, corpusFolder);
            Row(output, "corpus/", engine.Corpus.Passages, engine.Vectors, Median(builds), Median(reopens), SizeOnDisk(corpusFolder), engine.Searcher, engine.Answers, cached.Answers, questions, rounds);
            var examplesPerPassage = (double)engine.Vectors.ExampleCount / engine.Vectors.Count;

            var rates = OptionValue(options, "--examples")?.Split(',').Select(rate => rate == "corpus" ? examplesPerPassage : double.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

            var corpusExamples = ExampleQuestions.Load(settings.CorpusDirectory);
            var pool = engine.Corpus.Passages.SelectMany(corpusExamples.For).Distinct(StringComparer.Ordinal).ToArray();
            foreach (var size in sizes)
            {
                var passages = Synthesize(engine.Corpus, size);
                var similarity = new PassageSimilarity(settings.Search.K1, settings.Search.B);

                // As many example questions a passage as the corpus has, and, for the largest size, also one a passage (the
                // shape its targets are judged on, see docs/performance.md) and none, unless --examples says otherwise:
                // their texts indexed (Lucene's example-question field), their vectors scanned.
                foreach (var rate in rates ?? (size == sizes.Max() ? [1, examplesPerPassage, 0] : [examplesPerPassage]))
                {
                    var folder = Path.Combine(scratch.FullName, $"synthetic-{size}-{rate}");
                    var examples = SyntheticExamples(passages, pool, rate, Path.Combine(folder, "questions"));
                    GC.Collect();
                    var watch = Stopwatch.StartNew();
                    PassageIndexBuilder.Open(passages, engine.Corpus.Sources, engine.Analyzer, similarity, Path.Combine(folder, "index"), examples).Dispose();
                    var build = watch.Elapsed.TotalMilliseconds;
                    GC.Collect();
                    watch.Restart();
                    using var index = PassageIndexBuilder.Open(passages, engine.Corpus.Sources, engine.Analyzer, similarity, Path.Combine(folder, "index"), examples);
                    var reopen = watch.Elapsed.TotalMilliseconds;
                    var searcher = new LucenePassageSearcher(index, settings.Search);
                    using var file = new VectorFile(Path.Combine(folder, "vectors.bin"));
                    var vectors = RandomVectors(passages, examples, file);
                    var ranker = new HybridRanker(vectors, RankingWeights.Shipped);
                    var answers = new AnswerService(searcher, new PassageHighlighter(), MiniLmEmbedder.Shared, new MessageTriage(TriageModel.Shipped), ranker, fresh, settings.Clinic);
                    var repeated = new AnswerService(searcher, new PassageHighlighter(), cache, new MessageTriage(TriageModel.Shipped), ranker, settings.Answers, settings.Clinic);
                    // A tenth of the rounds, but at least ten: with five, a p99 of 190 answers is the second slowest, and one
                    // garbage collection inside an answer moves it.
                    Row(output, $"synthetic {size / 1000}k, {rate:0.##} example questions a passage", passages, vectors, build, reopen, SizeOnDisk(Path.Combine(folder, "index")), searcher, answers, repeated, questions, Math.Max(10, rounds / 10));
                }
            }

            output.WriteLine();
            if (!engineOnly)
            {
                // What a first start would add if the shipped vectors did not cover the corpus: every vector computed by the model.
                var embedding = Stopwatch.StartNew();
                var unshipped = new UnshippedEmbedder(MiniLmEmbedder.Shared);
                var computed = PassageVectors.Build(engine.Corpus.Passages, unshipped, VectorCache.For(unshipped, null), corpusExamples);
                output.WriteLine($"Embedding the corpus's {computed.Count + computed.SentenceCount + computed.ExampleCount} vectors with nothing shipped (what a first start adds without CorpusVectors.bin): {embedding.Elapsed.TotalSeconds:0.0} s.");
                output.WriteLine();
            }

            var triage = new MessageTriage(TriageModel.Shipped);
            var read = Measure(questions, Math.Max(5, rounds / 10), question => Message.Read(question, MiniLmEmbedder.Shared));
            var messages = questions.Select(question => Message.Read(question, MiniLmEmbedder.Shared)).ToArray();
            var classify = Measure([.. Enumerable.Range(0, messages.Length).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))], rounds, i => triage.Classify(messages[int.Parse(i, System.Globalization.CultureInfo.InvariantCulture)]));
            output.WriteLine("| triage step | p50 (µs) | p99 (µs) |");
            output.WriteLine("|---|---:|---:|");
            output.WriteLine($"| message embedding (MiniLM, once per message) | {Percentile(read, 0.5):0} | {Percentile(read, 0.99):0} |");
            output.WriteLine($"| rules + model (logistic + nearest examples) | {Percentile(classify, 0.5):0} | {Percentile(classify, 0.99):0} |");
            output.WriteLine();
            output.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0} MB; load average after: {LoadAverage()}");
            engine.Dispose();
            if (!engineOnly)
            {
                output.WriteLine();
                await ServiceBenchmark.RunAsync(settings, options, questions, output);
            }

            return 0;
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Deterministic random unit vectors for a synthetic corpus, one per passage, per sentence, and per example question
    /// (<paramref name="examples"/>): embedding 100k passages would take the
    /// model hours here, and the scan costs the same whatever the vectors hold. The question is still embedded for real.
    /// The float32 rows go to <paramref name="file"/>, as a corpus this large would keep them; the quantised ones stay in memory.
    /// </summary>
    private static PassageVectors RandomVectors(IReadOnlyList<Passage> passages, ExampleQuestions examples, VectorFile file)
    {
        var random = new Random(Seed);
        float[] Unit()
        {
            var vector = new float[MiniLmEmbedder.Shared.Dimensions];
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] = (float)((random.NextDouble() * 2) - 1);
            }

            System.Numerics.Tensors.TensorPrimitives.Divide(vector, System.Numerics.Tensors.TensorPrimitives.Norm(vector), vector);
            return vector;
        }

        var sentences = passages.Select(passage => SentenceSplitter.Split(passage.Text).Select(_ => Unit()).ToArray()).ToArray();
        var questions = passages.Select(passage => examples.For(passage).Select(_ => Unit()).ToArray()).ToArray();
        return new PassageVectors([.. passages.Select(_ => Unit())], sentences, questions, file: file);
    }

    /// <summary>The model under another id, so no shipped or cached vector matches it and every vector is computed.</summary>
    private sealed class UnshippedEmbedder(IEmbedder inner) : IEmbedder
    {
        public string ModelId => $"{inner.ModelId} (bench, nothing shipped)";

        public int Dimensions => inner.Dimensions;

        public IReadOnlySet<string> Words => inner.Words;

        public float[][] Embed(IReadOnlyList<string> texts, EmbeddingKind kind, CancellationToken cancellationToken = default) => inner.Embed(texts, kind, cancellationToken);
    }

    /// <summary>
    /// Example questions for synthetic passages, <paramref name="rate"/> a passage on average (⌊(i+1)·rate⌋ − ⌊i·rate⌋ for
    /// the i-th), drawn with a fixed seed from the corpus's; written as the corpus's file is, to <paramref name="folder"/>,
    /// and read back (two passages that start alike share the later's questions, as the corpus's file would have them).
    /// </summary>
    private static ExampleQuestions SyntheticExamples(IReadOnlyList<Passage> passages, string[] pool, double rate, string folder)
    {
        var random = new Random(Seed);
        Directory.CreateDirectory(folder);
        using (var writer = File.CreateText(Path.Combine(folder, ExampleQuestions.FileName)))
        {
            for (var i = 0; i < passages.Count; i++)
            {
                var count = (int)(Math.Floor((i + 1) * rate) - Math.Floor(i * rate));
                if (count > 0 && pool.Length > 0)
                {
                    var text = passages[i].Text;
                    var anchor = text.Length > ExampleQuestions.AnchorLength ? text[..ExampleQuestions.AnchorLength] : text;
                    writer.WriteLine(System.Text.Json.JsonSerializer.Serialize(new SyntheticEntry(passages[i].SourceId, anchor, [.. Enumerable.Range(0, count).Select(_ => pool[random.Next(pool.Length)])])));
                }
            }
        }

        return ExampleQuestions.Load(folder);
    }

    private sealed record SyntheticEntry(
        [property: System.Text.Json.Serialization.JsonPropertyName("source")] string Source,
        [property: System.Text.Json.Serialization.JsonPropertyName("anchor")] string Anchor,
        [property: System.Text.Json.Serialization.JsonPropertyName("questions")] string[] Questions);

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

    private static void Row(TextWriter output, string name, IReadOnlyList<Passage> passages, PassageVectors vectors, double buildMs, double reopenMs, double diskMb, LucenePassageSearcher searcher, AnswerService answers, AnswerService repeated, string[] questions, int rounds)
    {
        var search = Measure(questions, rounds, question => searcher.Search(question, 8));

        // The cosine scan alone, as an answer runs it: every passage ranked for the question's vector and its lexical hits, the best 8 read.
        var ranker = new HybridRanker(vectors, RankingWeights.Shipped);
        var inputs = questions.Distinct().ToDictionary(question => question, question => (Lexical: searcher.Search(question, 30), Vector: Message.Read(question, MiniLmEmbedder.Shared).Vector));
        var scan = Measure(questions, rounds, question => _ = ranker.Rank(passages, inputs[question].Lexical, inputs[question].Vector).Take(8).ToList());
        // The collections and pauses of the garbage collector while answers are timed (warm-up included): a pause inside
        // an answer lands in the tail.
        var (collections, pause) = (GC.CollectionCount(0), GC.GetTotalPauseDuration());
        var answer = Measure(questions, rounds, question => answers.Ask(question));
        (collections, pause) = (GC.CollectionCount(0) - collections, GC.GetTotalPauseDuration() - pause);
        var again = Measure(questions, rounds, question => repeated.Ask(question));
        var heap = GC.GetTotalMemory(forceFullCollection: true) / (1024.0 * 1024);
        var workingSet = Process.GetCurrentProcess().WorkingSet64 / (1024.0 * 1024);
        output.WriteLine($"| {name} | {passages.Count} | {vectors.Count + vectors.SentenceCount + vectors.ExampleCount} ({vectors.SentenceCount}, {vectors.ExampleCount}) | {vectors.QuantizedBytes / (1024.0 * 1024):0.0} | {vectors.VectorBytes / (1024.0 * 1024):0.0} | {buildMs:0.0} | {reopenMs:0.0} | {diskMb:0.0} | {Percentile(search, 0.5):0.0} | {Percentile(search, 0.99):0.0} | {Percentile(scan, 0.5):0.0} | {Percentile(scan, 0.99):0.0} | {Percentile(answer, 0.5):0.0} | {Percentile(answer, 0.99):0.0} | {collections} / {pause.TotalMilliseconds:0} | {Percentile(again, 0.5):0.0} | {Percentile(again, 0.99):0.0} | {heap:0} | {workingSet:0} |");
    }

    private static double SizeOnDisk(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(file => file.Length) / (1024.0 * 1024);

    /// <summary>The 1, 5 and 15 minute load averages, as uptime shows them: the machine is shared, so figures are read beside them.</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

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
