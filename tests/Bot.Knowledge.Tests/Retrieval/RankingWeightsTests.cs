using Bot.Knowledge.Corpus;
using Bot.Knowledge.Retrieval;

namespace Bot.Knowledge.Tests.Retrieval;

public sealed class RankingWeightsTests
{
    [Fact]
    public void Shipped_Calibration_HasAnInterceptAndOneCoefficientPerFeature()
    {
        var top = new RankedPassage(new Passage(0, "000", null, 0, 4, "text"), 1, 1, 0.5, 0.5, 0, 0.5, 2);

        Assert.Equal(RankingWeights.FeatureCount, RankingWeights.ConfidenceFeatures.Length);
        Assert.Equal(RankingWeights.FeatureCount, RankingWeights.Features(top, 1, 0.3, 5).Count());
        Assert.Equal(RankingWeights.FeatureCount + 1, RankingWeights.Shipped.Calibration.Length);
    }
}
