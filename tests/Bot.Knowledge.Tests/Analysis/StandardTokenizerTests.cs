using Bot.Knowledge.Analysis;

namespace Bot.Knowledge.Tests.Analysis;

public sealed class StandardTokenizerTests
{
    [Theory]
    [InlineData("high-frequency sound", new[] { "high", "frequency", "sound" })]
    [InlineData("it’s Gehrig's", new[] { "it's", "Gehrig's" })]
    [InlineData("loses 35–40% by 2.5 years", new[] { "loses", "35", "40", "by", "2.5", "years" })]
    [InlineData("mus\u200Bcle", new[] { "muscle" })]
    [InlineData("'quoted' words.", new[] { "quoted", "words" })]
    [InlineData("", new string[0])]
    public void Tokenize_Text_YieldsUnicodeWords(string text, string[] expected)
    {
        Assert.Equal(expected, StandardTokenizer.Tokenize(text).Select(token => token.Term));
    }

    [Fact]
    public void Tokenize_Word_RecordsOffsetsIntoText()
    {
        var token = StandardTokenizer.Tokenize("  atrophy.").Single();

        Assert.Equal((2, 9), (token.Start, token.End));
    }

    [Fact]
    public void Tokenize_HugeRun_CutsTermToMaximumLength()
    {
        var token = StandardTokenizer.Tokenize(new string('a', 100_000)).Single();

        Assert.Equal(StandardTokenizer.MaxTokenLength, token.Term.Length);
    }

    [Fact]
    public void Tokenize_LoneSurrogatesAndControls_DoesNotThrow()
    {
        var tokens = StandardTokenizer.Tokenize("\uD800abc\uDC00 \u0000 \u202Edef").Select(token => token.Term).ToArray();

        Assert.Equal(["abc", "def"], tokens);
    }
}
