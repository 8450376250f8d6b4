using Bot.Knowledge.Search;

namespace Bot.Knowledge.Tests.Search;

public sealed class Bm25SimilarityTests
{
    [Fact]
    public void Idf_OneOfTenPassages_MatchesHandComputedValue()
    {
        // ln(1 + (10 - 1 + 0.5) / (1 + 0.5)) = ln(7.3333…)
        Assert.Equal(1.992430, Bm25Similarity.Idf(1, 10), 6);
    }

    [Fact]
    public void Score_AverageLengthPassage_MatchesHandComputedValue()
    {
        // 1.992430 · 2 · 2.2 / (2 + 1.2 · (1 − 0.75 + 0.75 · 1)) = 1.992430 · 4.4 / 3.2
        Assert.Equal(2.739591, new Bm25Similarity().Score(Bm25Similarity.Idf(1, 10), 2, 10, 10), 6);
    }

    [Fact]
    public void Score_LongerPassage_ScoresLowerThanShorter()
    {
        var sut = new Bm25Similarity(K1: 1.2, B: 0.75);

        Assert.True(sut.Score(1, 1, 40, 20) < sut.Score(1, 1, 10, 20));
    }

    [Fact]
    public void Score_NoLengthNormalisation_IgnoresLength()
    {
        var sut = new Bm25Similarity(K1: 1.2, B: 0);

        Assert.Equal(sut.Score(1, 3, 10, 20), sut.Score(1, 3, 80, 20), 12);
    }

    [Fact]
    public void Score_ZeroFrequency_IsZero()
    {
        Assert.Equal(0, new Bm25Similarity().Score(2, 0, 10, 10));
    }
}
