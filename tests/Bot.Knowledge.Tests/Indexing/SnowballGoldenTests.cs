using Bot.Knowledge.Indexing;

namespace Bot.Knowledge.Tests.Indexing;

public sealed class SnowballGoldenTests
{
    [Fact]
    public void Terms_SnowballVocabulary_ChainReproducesTheGoldenStemsButTheKnownOlderRelease()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "TestData", "snowball-english");
        var words = File.ReadAllLines(Path.Combine(directory, "voc.txt"));
        var stems = File.ReadAllLines(Path.Combine(directory, "output.txt"));
        var known = File.ReadAllLines(Path.Combine(directory, "lucene-net-4.8.txt")).Where(line => !line.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
        using var sut = PassageAnalyzer.Create(stopWordsText: string.Empty, synonymsText: string.Empty);

        // The whole chain, tokenizer to stemmer, on every word the tokenizer keeps whole; the 16 entries with
        // apostrophes ("'a'", "there's'") are the possessive filter's and the tokenizer's, not the stemmer's.
        var checkedPairs = words.Zip(stems).Where(pair => pair.First.All(char.IsLetter)).ToList();
        var differences = checkedPairs
            .Select(pair => (Word: pair.First, Expected: pair.Second, Actual: string.Join(' ', sut.Terms(pair.First))))
            .Where(pair => pair.Actual != pair.Expected)
            .Select(pair => $"{pair.Word} {pair.Actual}")
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(42_649, words.Length);
        Assert.Equal(42_633, checkedPairs.Count);
        Assert.Equal(57, known.Count);
        Assert.Equal(known.Order(StringComparer.Ordinal), differences.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("wasting", "wast")]
    [InlineData("muscles", "muscl")]
    [InlineData("atrophied", "atrophi")]
    [InlineData("generously", "generous")]
    [InlineData("skies", "sky")]
    public void Terms_KnownWord_GivesSnowballStem(string word, string expected)
    {
        using var sut = PassageAnalyzer.Create(string.Empty, string.Empty);

        Assert.Equal([expected], sut.Terms(word));
    }
}
