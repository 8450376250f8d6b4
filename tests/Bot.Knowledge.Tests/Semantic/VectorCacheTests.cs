using Bot.Knowledge.Corpus;
using Bot.Knowledge.Semantic;
using Moq;

namespace Bot.Knowledge.Tests.Semantic;

public sealed class VectorCacheTests
{
    [Fact]
    public void Embed_SecondProcessOnTheSameFolder_ReadsTheFileInsteadOfEmbedding()
    {
        var directory = Directory.CreateTempSubdirectory();
        try
        {
            var first = Recording("model-a");
            var vectors = VectorCache.For(first.Object, directory.FullName).Embed(first.Object, ["one", "two", "one"], EmbeddingKind.Passage);

            Assert.Single(Directory.GetFiles(directory.FullName, "vectors-*.bin"));
            first.Verify(embedder => embedder.Embed(It.Is<IReadOnlyList<string>>(texts => texts.Count == 2), EmbeddingKind.Passage, It.IsAny<CancellationToken>()), Times.Once);
            Assert.Equal(vectors[0], vectors[2]);

            var second = Recording("model-a");
            var reopened = VectorCache.Open(Directory.GetFiles(directory.FullName, "vectors-*.bin")[0], 2);
            Assert.Equal(2, reopened.Count);
            Assert.Equal(vectors, reopened.Embed(second.Object, ["one", "two", "one"], EmbeddingKind.Passage));
            second.Verify(embedder => embedder.Embed(It.IsAny<IReadOnlyList<string>>(), It.IsAny<EmbeddingKind>(), It.IsAny<CancellationToken>()), Times.Never);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Embed_KnownTexts_AreNotEmbeddedAgain()
    {
        var embedder = Recording("model-b");
        var sut = VectorCache.For(embedder.Object, directory: null);

        sut.Embed(embedder.Object, ["alpha"], EmbeddingKind.Query);
        sut.Embed(embedder.Object, ["alpha"], EmbeddingKind.Query);

        embedder.Verify(e => e.Embed(It.IsAny<IReadOnlyList<string>>(), It.IsAny<EmbeddingKind>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public void ShippedVectors_RepositoryCorpus_HoldEveryTextTheCorpusEmbeds()
    {
        var refusing = new Mock<IEmbedder>();
        refusing.SetupGet(e => e.ModelId).Returns(MiniLmEmbedder.Shared.ModelId);
        refusing.SetupGet(e => e.Dimensions).Returns(MiniLmEmbedder.Shared.Dimensions);
        refusing.Setup(e => e.Embed(It.IsAny<IReadOnlyList<string>>(), It.IsAny<EmbeddingKind>(), It.IsAny<CancellationToken>()))
            .Returns((IReadOnlyList<string> texts, EmbeddingKind _, CancellationToken _) => [.. texts.Select(_ => new float[MiniLmEmbedder.Shared.Dimensions])]);

        PassageVectors.Build(SharedKnowledgeBase.Instance.Corpus.Passages, refusing.Object, VectorCache.ShippedOnly(refusing.Object), ExampleQuestions.Load(RepositoryPaths.Corpus), SharedKnowledgeBase.Instance.Speller.SpellOut);

        // When this fails, the corpus changed after CorpusVectors.bin was written: run
        // `dotnet run --project src/Bot.Cli -c Release -- embed-corpus` (every fresh process would embed the difference).
        refusing.Verify(e => e.Embed(It.IsAny<IReadOnlyList<string>>(), It.IsAny<EmbeddingKind>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private static Mock<IEmbedder> Recording(string model)
    {
        var embedder = new Mock<IEmbedder>();
        embedder.SetupGet(e => e.ModelId).Returns(model + Guid.NewGuid());
        embedder.SetupGet(e => e.Dimensions).Returns(2);
        embedder.Setup(e => e.Embed(It.IsAny<IReadOnlyList<string>>(), It.IsAny<EmbeddingKind>(), It.IsAny<CancellationToken>()))
            .Returns((IReadOnlyList<string> texts, EmbeddingKind _, CancellationToken _) => [.. texts.Select(text => new[] { text.Length, 1f })]);
        return embedder;
    }
}
