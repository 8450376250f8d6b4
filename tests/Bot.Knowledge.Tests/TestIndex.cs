using Bot.Knowledge.Corpus;
using Bot.Knowledge.Indexing;
using Bot.Knowledge.Retrieval;

namespace Bot.Knowledge.Tests;

/// <summary>Small in-memory indexes (RAMDirectory) of given passages, for tests.</summary>
internal static class TestIndex
{
    public static readonly IReadOnlyDictionary<string, SourceMetadata> Sources =
        new Dictionary<string, SourceMetadata> { ["s"] = new() { Id = "s", File = "s.txt", Title = "Notes" } };

    public static PassageAnalyzer Analyzer(string stopWords, string synonyms = "") => PassageAnalyzer.Create(stopWords.Replace(' ', '\n'), synonyms);

    public static PassageIndex Of(PassageAnalyzer analyzer, params string[] texts) =>
        Of(analyzer, [.. texts.Select((text, id) => new Passage(id, "s", null, 0, text.Length, text))]);

    public static PassageIndex Of(PassageAnalyzer analyzer, IReadOnlyList<Passage> passages) =>
        PassageIndexBuilder.Open(passages, Sources, analyzer, new PassageSimilarity(1.2, 0.75));

    /// <summary>
    /// A searcher that reads every question word: in a corpus of a few passages most words are in more than half of
    /// them, which would leave them out of the first pass (<see cref="SearchOptions.CommonWordShare"/>).
    /// </summary>
    public static LucenePassageSearcher Searcher(PassageIndex index) => new(index, new SearchOptions { CommonWordShare = 1 });
}
