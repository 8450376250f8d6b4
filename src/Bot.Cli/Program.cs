using Bot.Cli;
using Bot.Core.Analytics;
using Bot.Core.Dialogs;
using Bot.Core.State;
using Bot.Knowledge;
using Bot.Knowledge.Corpus;
using Bot.Knowledge.Semantic;

const string Usage = """
    usage: bot <command>
      ask "question"   answer one question, with citations
      ask --jsonl      answer one question per line of standard input, one JSON object per line
      eval FILE        score a labelled question file; prints accuracy per kind and the misses
      chat             talk in the terminal through the same dialog the channels use (type 'quit' to leave)
      train-triage [DIR]
                       cross-validate and train the triage model on the labelled examples in DIR
                       (default tests/Bot.Knowledge.Tests/TestData/Triage); writes src/Bot.Knowledge/Triage/TriageModel.json, TriageNeighbours.bin
      tune FILE...     choose the ranking weights, confidence calibration and decline threshold from labelled
                       questions (cross-validated); writes src/Bot.Knowledge/Retrieval/RankingWeights.json
      embed-corpus     write the corpus's passage, sentence and example-question vectors to
                       src/Bot.Knowledge/Semantic/CorpusVectors.bin (shipped, so a fresh process starts without embedding)
      bench [--sizes 10000,100000] [--examples corpus,0] [--rounds N] [--seconds T] [--engine-only]
                       measure index build, search and answer latency, on the corpus and synthetic corpora of 10k and
                       100k passages (--examples: example questions a synthetic passage, "corpus" for the corpus's rate;
                       default the corpus's, and 1 and 0 as well for the largest); then the built service
                       (dotnet build -c Release src/Bot.Web): start-up, memory, and /api/messages beside a hello-world
                       at 8 connections (--engine-only: not the service, nor the corpus embedded from nothing)
      load directline --url URL --secret S [--conversations N] [--seconds T]
                       time the Direct Line post→reply round trip of a running host under a bounded load
    """;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

try
{
    var settings = AppSettings.Load();
    KnowledgeBase Engine() => KnowledgeBase.Load(settings.CorpusDirectory, MiniLmEmbedder.Shared, settings.Search, settings.Answers, settings.Clinic, settings.IndexDirectory);
    switch (args)
    {
        case ["ask", "--jsonl"]:
            return Commands.AskLines(Engine(), Console.In, Console.Out, Console.Error);
        case ["ask", .. var words] when words.Length > 0:
            AnswerPrinter.Print(Engine().Answers.Ask(string.Join(' ', words)), Console.Out);
            return 0;
        case ["eval", var file]:
            var report = Evaluator.Run(Evaluator.Read(file), Engine().Answers);
            report.Print(Console.Out, Evaluator.ReadStyles(file));
            return 0;
        case ["chat"]:
            var engine = Engine();
            return await Commands.ChatAsync(new MuscleWastingBot(engine.Answers, settings.Answers, settings.Clinic, new MemoryStorage(), new MemoryAnalyticsStore(), TimeProvider.System), Console.In, Console.Out);
        case ["train-triage", .. var directory] when directory.Length <= 1:
            return TriageTrainer.Run(
                directory.Length == 1 ? directory[0] : Path.Combine(settings.RepositoryDirectory, "tests", "Bot.Knowledge.Tests", "TestData", "Triage"),
                Path.Combine(settings.RepositoryDirectory, "src", "Bot.Knowledge", "Triage", "TriageModel.json"),
                Path.Combine(settings.RepositoryDirectory, "src", "Bot.Knowledge", "Triage", "TriageNeighbours.bin"),
                Console.Out);
        case ["tune", .. var files] when files.Length > 0:
            return RankingTuner.Run(examples => KnowledgeBase.Load(settings.CorpusDirectory, MiniLmEmbedder.Shared, settings.Search, settings.Answers, settings.Clinic, examples: examples), ExampleQuestions.Load(settings.CorpusDirectory), files, Path.Combine(settings.RepositoryDirectory, "src", "Bot.Knowledge", "Retrieval", "RankingWeights.json"), Console.Out);
        case ["embed-corpus"]:
            Engine().Dispose();
            var vectorsPath = Path.Combine(settings.RepositoryDirectory, "src", "Bot.Knowledge", "Semantic", "CorpusVectors.bin");
            using (var vectorsFile = File.Create(vectorsPath))
            {
                VectorCache.WriteUsed(MiniLmEmbedder.Shared, vectorsFile);
            }

            Console.WriteLine($"wrote {vectorsPath}");
            return 0;
        case ["bench", .. var options]:
            return await Benchmark.RunAsync(settings, options, Console.Out);
        case ["load", "directline", .. var options]:
            return await DirectLineLoad.RunAsync(options, Console.Out);
        default:
            Console.Error.WriteLine(Usage);
            return 2;
    }
}
catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException or System.Text.Json.JsonException or FormatException or HttpRequestException or System.Net.WebSockets.WebSocketException)
{
    Console.Error.WriteLine($"bot: {exception.Message}");
    return 1;
}
