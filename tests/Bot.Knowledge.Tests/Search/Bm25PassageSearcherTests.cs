using Bot.Knowledge.Analysis;
using Bot.Knowledge.Corpus;
using Bot.Knowledge.Index;
using Bot.Knowledge.Search;

namespace Bot.Knowledge.Tests.Search;

public sealed class Bm25PassageSearcherTests
{
    private static readonly EnglishAnalyzer Analyzer = new(new HashSet<string> { "what", "is", "the", "of", "for", "a", "to", "can", "how" }, "physiotherapy, physical therapy\natrophy, wasting");

    private static Bm25PassageSearcher CreateSut(params string[] texts)
    {
        var sources = new Dictionary<string, SourceMetadata> { ["s"] = new() { Id = "s", File = "s.txt", Title = "Notes" } };
        var passages = texts.Select((text, id) => new Passage(id, "s", null, 0, text.Length, text)).ToArray();
        return new Bm25PassageSearcher(new IndexBuilder(Analyzer).Build(passages, sources), Analyzer, new SearchOptions());
    }

    [Fact]
    public void Search_RareTermQuestion_RanksPassageWithRareTermFirst()
    {
        var sut = CreateSut("Muscles weaken with age.", "Sarcopenia is muscle loss with age.", "Muscles need protein.");

        var result = sut.Search("what is sarcopenia", 3);

        Assert.Equal(1, result.Hits[0].Passage.Id);
        Assert.Equal(1.0, result.Hits[0].Coverage);
    }

    [Fact]
    public void Search_Synonym_FindsPassageUsingOtherWord()
    {
        var sut = CreateSut("Physical therapy keeps joints moving.", "Protein helps muscles.");

        var result = sut.Search("physiotherapy", 2);

        Assert.Equal(0, result.Hits[0].Passage.Id);
        Assert.Equal(1.0, result.Hits[0].Coverage);
    }

    [Fact]
    public void Search_MisspelledWords_AreCorrectedAgainstVocabulary()
    {
        var sut = CreateSut("Muscle wasting is a loss of muscle mass.", "Protein helps.");

        var result = sut.Search("muscel wastign", 2);

        Assert.Equal(0, result.Hits[0].Passage.Id);
        Assert.Contains(result.Query.Clauses[1].Terms, term => term.Origin == QueryTermOrigin.Fuzzy && term.Term == "wast");
    }

    [Fact]
    public void Search_UnknownWords_CoverLittleOfTheQuestion()
    {
        var sut = CreateSut("Muscle wasting is a loss of muscle mass.", "Protein helps.");

        var result = sut.Search("which sourdough bread for muscle", 2);

        Assert.True(result.Hits[0].Coverage < 0.3, $"coverage {result.Hits[0].Coverage}");
    }

    [Fact]
    public void Search_WordsCloseTogether_EarnProximityBonus()
    {
        var sut = CreateSut("Bed sores and rest periods differ from each other entirely here.", "Bed rest causes loss.");

        var result = sut.Search("bed rest", 2);

        Assert.Equal(1, result.Hits[0].Passage.Id);
    }

    [Fact]
    public void Search_NearDuplicates_CollapseIntoOriginal()
    {
        var sources = new Dictionary<string, SourceMetadata> { ["s"] = new() { Id = "s", File = "s.txt" } };
        Passage[] passages =
        [
            new(0, "s", null, 0, 10, "Sarcopenia affects older people."),
            new(1, "s", null, 0, 10, "Sarcopenia affects older people.") { GroupId = 0 },
        ];
        var sut = new Bm25PassageSearcher(new IndexBuilder(Analyzer).Build(passages, sources), Analyzer, new SearchOptions());

        var hit = Assert.Single(sut.Search("sarcopenia", 5).Hits);

        Assert.Equal(0, hit.Passage.Id);
    }

    [Fact]
    public void Search_OnlyStopWords_ReturnsNoHits()
    {
        Assert.Empty(CreateSut("Muscle.").Search("what is the", 5).Hits);
    }

    [Fact]
    public void Swap_NewSnapshot_IsReadByLaterSearches()
    {
        var sut = CreateSut("Muscle.");
        var replacement = CreateSut("Cachexia.").Snapshot;

        sut.Swap(replacement);

        Assert.Single(sut.Search("cachexia", 5).Hits);
    }
}
