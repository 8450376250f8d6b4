using Bot.Knowledge.Semantic;
using Moq;

namespace Bot.Knowledge.Tests.Semantic;

public sealed class QueryEmbeddingCacheTests
{
    private readonly Mock<IEmbedder> _model = new();

    public QueryEmbeddingCacheTests()
    {
        _model.SetupGet(model => model.Dimensions).Returns(2);
        _model.SetupGet(model => model.ModelId).Returns("test-model");
        _model.Setup(model => model.Embed(It.IsAny<IReadOnlyList<string>>(), It.IsAny<EmbeddingKind>(), It.IsAny<CancellationToken>()))
            .Returns((IReadOnlyList<string> texts, EmbeddingKind _, CancellationToken _) => [.. texts.Select(text => new float[] { text.Length, 1 })]);
    }

    [Fact]
    public void Embed_SameQuestionTwice_AsksTheModelOnceAndGivesTheSameVector()
    {
        using var sut = new QueryEmbeddingCache(_model.Object);

        var first = sut.Embed(["what is sarcopenia"], EmbeddingKind.Query)[0];
        var second = sut.Embed(["what is sarcopenia"], EmbeddingKind.Query)[0];

        Assert.Same(first, second);
        _model.Verify(model => model.Embed(It.IsAny<IReadOnlyList<string>>(), EmbeddingKind.Query, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public void Embed_QuestionDifferingOnlyInCaseAndSpaces_IsAHitAndEmbedsTheNormalisedText()
    {
        using var sut = new QueryEmbeddingCache(_model.Object);

        sut.Embed(["  What is   SARCOPENIA? "], EmbeddingKind.Query);
        sut.Embed(["what is sarcopenia?"], EmbeddingKind.Query);

        _model.Verify(model => model.Embed(It.Is<IReadOnlyList<string>>(texts => Only(texts, "what is sarcopenia?")), EmbeddingKind.Query, It.IsAny<CancellationToken>()), Times.Once);
        _model.VerifyNoOtherCalls();
    }

    [Fact]
    public void Embed_DifferentQuestions_AreMissesAndOnlyTheMissingAreEmbedded()
    {
        using var sut = new QueryEmbeddingCache(_model.Object);
        sut.Embed(["what is sarcopenia"], EmbeddingKind.Query);

        var vectors = sut.Embed(["what is sarcopenia", "what is cachexia?"], EmbeddingKind.Query);

        Assert.Equal([[18, 1], [17, 1]], vectors);
        _model.Verify(model => model.Embed(It.Is<IReadOnlyList<string>>(texts => Only(texts, "what is cachexia?")), EmbeddingKind.Query, It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(2, sut.Count);
    }

    [Fact]
    public void Embed_Passages_AreNeverCached()
    {
        using var sut = new QueryEmbeddingCache(_model.Object);

        sut.Embed(["Sarcopenia is the loss of muscle."], EmbeddingKind.Passage);
        sut.Embed(["Sarcopenia is the loss of muscle."], EmbeddingKind.Passage);

        _model.Verify(model => model.Embed(It.Is<IReadOnlyList<string>>(texts => Only(texts, "Sarcopenia is the loss of muscle.")), EmbeddingKind.Passage, It.IsAny<CancellationToken>()), Times.Exactly(2));
        Assert.Equal(0, sut.Count);
    }

    [Fact]
    public void Embed_MoreQuestionsThanTheCapacity_KeepsAtMostTheCapacity()
    {
        using var sut = new QueryEmbeddingCache(_model.Object, capacity: 3);

        foreach (var question in Enumerable.Range(0, 10).Select(i => $"question {i}"))
        {
            sut.Embed([question], EmbeddingKind.Query);
            Assert.InRange(sut.Count, 1, 3);
        }
    }

    [Theory]
    [InlineData("  What IS\tsarcopenia?\n", "what is sarcopenia?")]
    [InlineData("r there lifestyle  things", "r there lifestyle things")]
    [InlineData("", "")]
    public void Normalize_CaseAndWhiteSpace_AreFolded(string text, string expected)
    {
        Assert.Equal(expected, QueryEmbeddingCache.Normalize(text));
    }

    [Theory]
    [InlineData("What is Sarcopenia?")]
    [InlineData("  can being a couch   potato make your muscles WASTE away? ")]
    [InlineData("My mum's arms have gone\nreally thin. Is that muscle wasting?")]
    public void Normalize_RealModel_GivesTheVectorOfTheTextAsWritten(string text)
    {
        var model = MiniLmEmbedder.Shared;

        var vectors = model.Embed([text, QueryEmbeddingCache.Normalize(text)], EmbeddingKind.Query);

        Assert.Equal(vectors[0], vectors[1]);
    }

    private static bool Only(IReadOnlyList<string> texts, string text) => texts.Count == 1 && texts[0] == text;
}
