using Bot.Knowledge.Analysis;

namespace Bot.Knowledge.Tests.Analysis;

public sealed class EnglishStemmerTests
{
    [Fact]
    public void Stem_SnowballVocabulary_ReproducesEveryGoldenPair()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "TestData", "snowball-english");
        var words = File.ReadAllLines(Path.Combine(directory, "voc.txt"));
        var stems = File.ReadAllLines(Path.Combine(directory, "output.txt"));
        var sut = new EnglishStemmer();

        var mismatches = words.Zip(stems)
            .Where(pair => sut.Stem(pair.First) != pair.Second)
            .Select(pair => $"{pair.First} -> {sut.Stem(pair.First)} (expected {pair.Second})")
            .ToList();

        Assert.Equal(42_649, words.Length);
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatches, first: {string.Join("; ", mismatches.Take(100))}");
    }

    [Theory]
    [InlineData("wasting", "wast")]
    [InlineData("muscles", "muscl")]
    [InlineData("atrophied", "atrophi")]
    [InlineData("generously", "generous")]
    [InlineData("skies", "sky")]
    public void Stem_KnownWord_GivesSnowballStem(string word, string expected)
    {
        Assert.Equal(expected, new EnglishStemmer().Stem(word));
    }
}
