using Bot.Knowledge.Understanding;

namespace Bot.Knowledge.Tests.Understanding;

public sealed class SpellingCorrectorTests
{
    private static readonly SpellingCorrector Sut = SpellingCorrector.Create(
        ["Muscle wasting is a loss of muscle mass. Treating the cause may help; muscular dystrophy is genetic. Good care helps."],
        ["creatine", "grub", "doc", "lose", "you", "why"]);

    [Theory]
    [InlineData("muscel wastign", "muscle wasting")]
    [InlineData("wat r the causes of musclar distrophy", "what are the causes of muscular dystrophy")]
    [InlineData("y do u lose musle mass", "why do you lose muscle mass")]
    public void Correct_MisspeltWordsAndShorthand_ReadsAsTheCorpusSpells(string message, string expected)
    {
        Assert.Equal(expected, Sut.Correct(message));
    }

    [Theory]
    [InlineData("what grub helps")]
    [InlineData("do docs know")]
    [InlineData("someone's muscles")]
    [InlineData("is creatine safe")]
    public void Correct_WordTheModelOrCorpusKnows_LeavesTheSameString(string message)
    {
        Assert.Same(message, Sut.Correct(message));
    }

    [Fact]
    public void Correct_FourLetterWordOneEditFromACorpusWord_IsLeftAsWritten()
    {
        const string message = "is a low carb diet good";

        Assert.Same(message, Sut.Correct(message));
    }

    [Fact]
    public void Correct_MessageOfManyUnknownWords_LooksUpOnlyTheFirstSixteen()
    {
        var corrected = Sut.Correct(string.Join(' ', Enumerable.Repeat("wastign", 20))).Split(' ');

        Assert.Equal(16, corrected.Count(word => word == "wasting"));
        Assert.Equal(4, corrected.Count(word => word == "wastign"));
    }

    [Fact]
    public void Correct_TwoEditsAwayWithOtherFirstLetter_LeavesTheWord()
    {
        var sut = SpellingCorrector.Create(["treating"], []);

        Assert.Equal("dose of creatine", sut.Correct("dose of creatine"));
    }

    [Theory]
    [InlineData("how does MS cause wasting", "how does multiple sclerosis (ms) cause wasting")]
    [InlineData("is sma genetic", "is spinal muscular atrophy (sma) genetic")]
    [InlineData("do ab and test help", "do ab and test help")]
    public void Correct_AbbreviationTheArticlesDefine_IsSpeltOutBesideIt(string message, string expected)
    {
        var sut = SpellingCorrector.Create(["Multiple sclerosis (MS) affects the nerves. Spinal muscular atrophy (SMA) is genetic. Patients (TEST) and doctors (AB) talk."], []);

        Assert.Equal(expected, sut.Correct(message));
    }

    [Fact]
    public void SpellOut_AbbreviationBesideATypo_SpellsOutOnlyTheAbbreviation()
    {
        var sut = SpellingCorrector.Create(["Spinal muscular atrophy (SMA) is genetic and muscle wasting follows."], []);

        Assert.Equal("is spinal muscular atrophy (SMA) genetic or musle wasting", sut.SpellOut("is SMA genetic or musle wasting"));
    }
}
