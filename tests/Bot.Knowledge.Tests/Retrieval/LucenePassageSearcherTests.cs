using Bot.Knowledge.Corpus;
using Bot.Knowledge.Indexing;
using Bot.Knowledge.Retrieval;

namespace Bot.Knowledge.Tests.Retrieval;

public sealed class LucenePassageSearcherTests
{
    private static readonly PassageAnalyzer Analyzer = TestIndex.Analyzer("what is the of for a to can how", "physiotherapy, physical therapy\natrophy, wasting");

    private static LucenePassageSearcher CreateSut(params string[] texts) => TestIndex.Searcher(TestIndex.Of(Analyzer, texts));

    [Fact]
    public void Search_RareTermQuestion_RanksPassageWithRareTermFirst()
    {
        var sut = CreateSut("Muscles weaken with age.", "Sarcopenia is muscle loss with age.", "Muscles need protein.");

        var result = sut.Search("what is sarcopenia", 3);

        Assert.Equal(1, result.Hits[0].Passage.Id);
        Assert.Equal(1.0, result.Hits[0].Coverage);
    }

    [Fact]
    public void Search_MultiWordSynonym_FindsPassageUsingOtherWords()
    {
        var sut = CreateSut("Physical therapy keeps joints moving.", "Protein helps muscles.");

        var result = sut.Search("physiotherapy", 2);

        Assert.Equal(0, result.Hits[0].Passage.Id);
        Assert.Equal(1.0, result.Hits[0].Coverage);
    }

    [Fact]
    public void Search_WordsOnlyInAnExampleQuestion_FindAndCoverThePassage()
    {
        Passage[] passages = [new(0, "s", null, 0, 34, "Cachexia causes extreme weight loss."), new(1, "s", null, 0, 24, "Protein helps muscles.")];
        var folder = Directory.CreateTempSubdirectory("examples-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, ExampleQuestions.FileName), """{"source": "s", "anchor": "Cachexia causes extreme weight loss.", "questions": ["why do cancer patients go skin and bone"]}""");
            using var index = PassageIndexBuilder.Open(passages, TestIndex.Sources, Analyzer, new PassageSimilarity(1.2, 0.75), examples: ExampleQuestions.Load(folder.FullName));

            var result = TestIndex.Searcher(index).Search("skin and bone", 2);

            Assert.Equal(0, Assert.Single(result.Hits).Passage.Id);
            Assert.Equal(1.0, result.Hits[0].Coverage);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Search_ExactWord_OutranksItsSynonym()
    {
        var sut = CreateSut("Atrophy follows bed rest.", "Wasting follows bed rest.");

        var result = sut.Search("wasting", 2);

        Assert.Equal([1, 0], result.Hits.Select(hit => hit.Passage.Id));
    }

    [Fact]
    public void Search_MisspelledWords_AreCorrectedAgainstTheWordsAsWritten()
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
        Passage[] passages =
        [
            new(0, "s", null, 0, 10, "Sarcopenia affects older people."),
            new(1, "s", null, 0, 10, "Sarcopenia affects older people.") { GroupId = 0 },
        ];
        var sut = TestIndex.Searcher(TestIndex.Of(Analyzer, passages));

        var hit = Assert.Single(sut.Search("sarcopenia", 5).Hits);

        Assert.Equal(0, hit.Passage.Id);
    }

    private static readonly string[] MostlyMuscle = ["Muscles weaken with age.", "Muscles need protein.", "Muscle cramps come at night.", "Cachexia wastes muscle."];

    [Fact]
    public void Search_WordInMostPassagesBesideARarerOne_IsLeftOutOfTheFirstPassButCovered()
    {
        var index = TestIndex.Of(Analyzer, MostlyMuscle);

        var hit = Assert.Single(new LucenePassageSearcher(index, new SearchOptions()).Search("muscle cachexia", 5).Hits);
        var everyWord = TestIndex.Searcher(index).Search("muscle cachexia", 5).Hits;

        Assert.Equal((3, 1.0), (hit.Passage.Id, hit.Coverage));
        Assert.Equal(4, everyWord.Count);
        Assert.Equal(3, everyWord[0].Passage.Id);
    }

    [Fact]
    public void Search_NoIndexedWordRarerThanACommonOne_KeepsIt()
    {
        Assert.Equal(4, new LucenePassageSearcher(TestIndex.Of(Analyzer, MostlyMuscle), new SearchOptions()).Search("muscle sarcopenia", 5).Hits.Count);
    }

    [Fact]
    public void Search_ManyHitsAsked_ReturnsScoredCandidatesBeyondTheRescoreDepth()
    {
        var sut = CreateSut([.. Enumerable.Range(0, 60).Select(i => $"Muscle note number {i} about protein.")]);

        var result = sut.Search("muscle protein", 50);

        Assert.Equal(50, result.Hits.Count);
        Assert.True(result.Hits.Zip(result.Hits.Skip(1)).All(pair => pair.First.Score >= pair.Second.Score));
    }

    [Fact]
    public void Search_OnlyStopWords_ReturnsNoHits()
    {
        Assert.Empty(CreateSut("Muscle.").Search("what is the", 5).Hits);
    }
}
