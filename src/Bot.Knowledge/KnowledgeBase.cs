using Bot.Knowledge.Answers;
using Bot.Knowledge.Corpus;
using Bot.Knowledge.Highlight;
using Bot.Knowledge.Indexing;
using Bot.Knowledge.Retrieval;
using Bot.Knowledge.Semantic;
using Bot.Knowledge.Triage;
using Bot.Knowledge.Understanding;

namespace Bot.Knowledge;

/// <summary>
/// The engine, assembled: analyzer from the corpus folder's stop words and synonyms, the ingested corpus, its Lucene
/// index, the searcher and the answer service. This is the one place that builds the snapshot, for the service, the
/// CLI and the tests; build once and share (everything in it is thread-safe), dispose when it is replaced.
/// </summary>
public sealed class KnowledgeBase : IDisposable
{
    /// <summary>The stop-word list's file name in the corpus folder.</summary>
    public const string StopWordsFileName = "stopwords.txt";

    /// <summary>The synonyms file's name in the corpus folder.</summary>
    public const string SynonymsFileName = "synonyms.txt";

    private KnowledgeBase(KnowledgeCorpus corpus, PassageIndex index, LucenePassageSearcher searcher, PassageVectors vectors, SpellingCorrector speller, AnswerService answers)
    {
        Speller = speller;
        Corpus = corpus;
        Index = index;
        Searcher = searcher;
        Vectors = vectors;
        Answers = answers;
    }

    /// <summary>The ingested corpus.</summary>
    public KnowledgeCorpus Corpus { get; }

    /// <summary>The Lucene index of the corpus's passages.</summary>
    public PassageIndex Index { get; }

    /// <summary>The analyzer used for passages and questions.</summary>
    public PassageAnalyzer Analyzer => Index.Analyzer;

    /// <summary>The searcher over the index.</summary>
    public LucenePassageSearcher Searcher { get; }

    /// <summary>The passages' and their sentences' vectors.</summary>
    public PassageVectors Vectors { get; }

    /// <summary>Reads a message's shorthand and misspellings as the corpus spells them, before it is searched.</summary>
    public SpellingCorrector Speller { get; }

    /// <summary>The answer service every channel uses.</summary>
    public AnswerService Answers { get; }

    /// <summary>Creates the analyzer described by the corpus folder's stop-word and synonym files.</summary>
    /// <exception cref="FormatException">The synonyms file is not valid Solr format.</exception>
    public static PassageAnalyzer CreateAnalyzer(string corpusDirectory) =>
        PassageAnalyzer.Create(ReadOptional(Path.Combine(corpusDirectory, StopWordsFileName)), ReadOptional(Path.Combine(corpusDirectory, SynonymsFileName)));

    /// <summary>
    /// Loads the corpus folder and builds everything; <paramref name="embedder"/> is the process's one sentence model.
    /// With <paramref name="indexDirectory"/> the index is persisted there and reused while the corpus, analyzer and
    /// index format stay the same, and the passages' vectors are kept beside it (keyed by model and text); without, both
    /// are built in memory. <paramref name="examples"/> replaces the corpus folder's example questions.
    /// </summary>
    public static KnowledgeBase Load(string corpusDirectory, IEmbedder embedder, SearchOptions? search = null, AnswerOptions? answers = null, ClinicOptions? clinic = null, string? indexDirectory = null, ExampleQuestions? examples = null)
    {
        search ??= new SearchOptions();
        var analyzer = CreateAnalyzer(corpusDirectory);
        var corpus = new CorpusLoader(analyzer).Load(corpusDirectory);
        examples ??= ExampleQuestions.Load(corpusDirectory);
        var index = PassageIndexBuilder.Open(corpus.Passages, corpus.Sources, analyzer, new PassageSimilarity(search.K1, search.B), indexDirectory, examples);
        var searcher = new LucenePassageSearcher(index, search);
        var speller = SpellingCorrector.Create(corpus.Passages.Select(passage => passage.Text), embedder.Words);
        var vectors = PassageVectors.Build(corpus.Passages, embedder, VectorCache.For(embedder, indexDirectory), examples, speller.SpellOut);
        var ranker = new HybridRanker(vectors, RankingWeights.Shipped);
        var service = new AnswerService(searcher, new PassageHighlighter(), embedder, new MessageTriage(TriageModel.Shipped), ranker, answers ?? new AnswerOptions(), clinic ?? new ClinicOptions(), speller);
        return new KnowledgeBase(corpus, index, searcher, vectors, speller, service);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Index.Dispose();
        Analyzer.Dispose();
    }

    private static string ReadOptional(string path) => File.Exists(path) ? File.ReadAllText(path) : string.Empty;
}
