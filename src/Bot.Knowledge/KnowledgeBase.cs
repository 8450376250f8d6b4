using Bot.Knowledge.Analysis;
using Bot.Knowledge.Answers;
using Bot.Knowledge.Corpus;
using Bot.Knowledge.Highlight;
using Bot.Knowledge.Index;
using Bot.Knowledge.Search;
using Bot.Knowledge.Semantic;
using Bot.Knowledge.Triage;

namespace Bot.Knowledge;

/// <summary>
/// The engine, assembled: analyzer from the corpus folder's stop words and synonyms, the ingested corpus, its
/// index, the searcher and the answer service. Build once at start-up and share; everything in it is thread-safe.
/// </summary>
public sealed class KnowledgeBase
{
    /// <summary>The stop-word list's file name in the corpus folder.</summary>
    public const string StopWordsFileName = "stopwords.txt";

    /// <summary>The synonyms file's name in the corpus folder.</summary>
    public const string SynonymsFileName = "synonyms.txt";

    private KnowledgeBase(KnowledgeCorpus corpus, Analyzer analyzer, Bm25PassageSearcher searcher, AnswerService answers)
    {
        Corpus = corpus;
        Analyzer = analyzer;
        Searcher = searcher;
        Answers = answers;
    }

    /// <summary>The ingested corpus.</summary>
    public KnowledgeCorpus Corpus { get; }

    /// <summary>The analyzer used for passages and questions.</summary>
    public Analyzer Analyzer { get; }

    /// <summary>The searcher over the current index snapshot.</summary>
    public Bm25PassageSearcher Searcher { get; }

    /// <summary>The answer service every channel uses.</summary>
    public AnswerService Answers { get; }

    /// <summary>Creates the analyzer described by the corpus folder's stop-word and synonym files.</summary>
    public static EnglishAnalyzer CreateAnalyzer(string corpusDirectory)
    {
        var stopWords = ReadOptional(Path.Combine(corpusDirectory, StopWordsFileName));
        var synonyms = ReadOptional(Path.Combine(corpusDirectory, SynonymsFileName));
        return new EnglishAnalyzer(EnglishAnalyzer.ParseWordList(stopWords), synonyms);
    }

    /// <summary>Loads the corpus folder and builds everything; <paramref name="embedder"/> is the process's one sentence model.</summary>
    public static KnowledgeBase Load(string corpusDirectory, IEmbedder embedder, SearchOptions? search = null, AnswerOptions? answers = null, ClinicOptions? clinic = null)
    {
        var analyzer = CreateAnalyzer(corpusDirectory);
        var corpus = new CorpusLoader(analyzer).Load(corpusDirectory);
        var snapshot = new IndexBuilder(analyzer).Build(corpus);
        var searcher = new Bm25PassageSearcher(snapshot, analyzer, search ?? new SearchOptions());
        var service = new AnswerService(searcher, new PassageHighlighter(), embedder, new MessageTriage(TriageModel.Shipped), answers ?? new AnswerOptions(), clinic ?? new ClinicOptions());
        return new KnowledgeBase(corpus, analyzer, searcher, service);
    }

    private static string ReadOptional(string path) => File.Exists(path) ? File.ReadAllText(path) : string.Empty;
}
