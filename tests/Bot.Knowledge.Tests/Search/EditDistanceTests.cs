using Bot.Knowledge.Search;

namespace Bot.Knowledge.Tests.Search;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("muscel", "muscle", 1)]
    [InlineData("wastign", "wasting", 1)]
    [InlineData("atrofy", "atrophy", 2)]
    [InlineData("same", "same", 0)]
    [InlineData("abc", "xyzabc", 3)]
    public void Compute_Words_GivesTranspositionAwareDistance(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Compute(a, b, 3));
    }

    [Fact]
    public void Compute_BeyondMaximum_StopsAtMaximumPlusOne()
    {
        Assert.Equal(2, EditDistance.Compute("sourdough", "muscle", 1));
    }
}
