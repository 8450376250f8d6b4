using Bot.Knowledge.Semantic;

namespace Bot.Knowledge.Tests.Semantic;

public sealed class PassageVectorsTests
{
    private static readonly PassageVectors Sut = new([[1f, 0f]], [[]], unanswerable: [[1f, 0f], [0.6f, 0.8f]]);

    [Fact]
    public void Unanswerable_Query_IsItsCosineWithTheClosestUnanswerableQuestion()
    {
        Assert.Equal(1f, Sut.Unanswerable([1f, 0f]), 5);
    }

    [Fact]
    public void Unanswerable_ExceptOwnEntry_UsesTheOthers()
    {
        Assert.Equal(0.6f, Sut.Unanswerable([1f, 0f], except: 0), 5);
    }
}
