using Bot.Knowledge.Analysis;

namespace Bot.Knowledge.Tests.Analysis;

public sealed class EnglishAnalyzerTests
{
    private static readonly HashSet<string> StopWords = ["the", "is", "what", "of", "a"];

    [Fact]
    public void Analyze_PlainQuestion_FoldsCaseDropsStopWordsAndStems()
    {
        AnalyzerAssert.AnalyzesTo(new EnglishAnalyzer(StopWords), "What is the Wasting of MUSCLES?", "wast", "muscl");
    }

    [Fact]
    public void Analyze_Possessive_IsRemovedBeforeStemming()
    {
        AnalyzerAssert.AnalyzesTo(new EnglishAnalyzer(StopWords), "Lou Gehrig’s disease", "lou", "gehrig", "diseas");
    }

    [Fact]
    public void Analyze_MultiWordSynonymGroup_StacksGroupTermOnFirstWord()
    {
        var sut = new EnglishAnalyzer(StopWords, "als, amyotrophic lateral sclerosis, lou gehrig's disease");

        var tokens = sut.Analyze("Lou Gehrig's disease").ToArray();

        Assert.Equal(["lou", "~al", "gehrig", "diseas"], tokens.Select(token => token.Term));
        Assert.Equal(TokenKind.Synonym, tokens[1].Kind);
        Assert.Equal(3, tokens[1].Span);
        Assert.Equal(0, tokens[1].Position);
    }

    [Fact]
    public void Analyze_OneWaySynonym_AddsOutputTermsOnlyForLeftSide()
    {
        var sut = new EnglishAnalyzer(StopWords, "physio => physical therapy");

        AnalyzerAssert.AnalyzesTo(sut, "physio", "physio", "physic", "therapi");
        AnalyzerAssert.AnalyzesTo(sut, "physical therapy", "physic", "therapi");
    }

    [Fact]
    public void Analyze_StopWordsRemoved_KeepsPositionGaps()
    {
        var positions = new EnglishAnalyzer(StopWords).Analyze("loss of the muscle").Select(token => token.Position);

        Assert.Equal([0, 3], positions);
    }

    [Fact]
    public void Parse_SynonymLineWithTwoArrows_Throws()
    {
        Assert.Throws<FormatException>(() => new EnglishAnalyzer(StopWords, "a => b => c"));
    }
}
