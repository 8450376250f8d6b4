using Bot.Knowledge.Indexing;
using Lucene.Net.Analysis.TokenAttributes;

namespace Bot.Knowledge.Tests.Indexing;

public sealed class PassageAnalyzerTests
{
    private const string StopWords = "the is what of a";

    [Fact]
    public void Terms_PlainQuestion_FoldsCaseDropsStopWordsAndStems()
    {
        using var sut = TestIndex.Analyzer(StopWords);

        Assert.Equal(["wast", "muscl"], sut.Terms("What is the Wasting of MUSCLES?"));
    }

    [Fact]
    public void Terms_Possessive_IsRemovedBeforeStemming()
    {
        using var sut = TestIndex.Analyzer(StopWords);

        Assert.Equal(["lou", "gehrig", "diseas"], sut.Terms("Lou Gehrig’s disease"));
    }

    [Fact]
    public void Analyze_MultiWordSynonymEntry_StacksGroupTermSpanningItsWords()
    {
        using var sut = TestIndex.Analyzer(StopWords, "als, amyotrophic lateral sclerosis, lou gehrig's disease");

        var tokens = Tokens(sut, "Lou Gehrig's disease");

        Assert.Equal(["lou", "~al", "gehrig", "diseas"], tokens.Select(token => token.Term));
        Assert.Equal((0, 20, 0), (tokens[1].Start, tokens[1].End, tokens[1].Increment));
        Assert.Equal("SYNONYM", tokens[1].Type);
    }

    [Fact]
    public void Analyze_SynonymEntryWithStopWord_MatchesTextWithTheStopWord()
    {
        using var sut = TestIndex.Analyzer(StopWords, "atrophy, loss of muscle");

        Assert.Equal(["loss", "~atrophi", "muscl"], sut.Terms("loss of the muscle"));
        Assert.Equal(["atrophi", "~atrophi"], sut.Terms("atrophy"));
    }

    [Fact]
    public void Analyze_OneWaySynonym_GivesBothSidesTheRightSidesGroup()
    {
        using var sut = TestIndex.Analyzer(StopWords, "physio => physical therapy");

        Assert.Equal(["physio", "~physic_therapi"], sut.Terms("physio"));
        Assert.Equal(["physic", "~physic_therapi", "therapi"], sut.Terms("physical therapy"));
    }

    [Fact]
    public void Analyze_StopWordsRemoved_KeepPositionGaps()
    {
        using var sut = TestIndex.Analyzer(StopWords);

        Assert.Equal([1, 3], Tokens(sut, "loss of the muscle").Select(token => token.Increment));
    }

    [Fact]
    public void Analyze_SpellingField_OnlyLowerCases()
    {
        using var sut = TestIndex.Analyzer(StopWords, "atrophy, wasting");

        Assert.Equal(["what", "is", "wasting"], Tokens(sut, "What is Wasting", PassageFields.Spelling).Select(token => token.Term));
    }

    [Fact]
    public void Create_InvalidSynonymLine_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => TestIndex.Analyzer(StopWords, "a => b => c"));
    }

    private static List<(string Term, int Start, int End, int Increment, string Type)> Tokens(PassageAnalyzer analyzer, string text, string field = PassageFields.Body)
    {
        var tokens = new List<(string, int, int, int, string)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset, increment.PositionIncrement, type.Type));
        }

        stream.End();
        return tokens;
    }
}
