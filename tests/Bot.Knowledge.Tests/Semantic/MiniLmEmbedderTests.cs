using System.Numerics.Tensors;
using Bot.Knowledge.Semantic;

namespace Bot.Knowledge.Tests.Semantic;

public sealed class MiniLmEmbedderTests
{
    private static MiniLmEmbedder Sut => MiniLmEmbedder.Shared;

    [Fact]
    public void Embed_Texts_GivesUnitVectorsOfTheModelsLength()
    {
        var vectors = Sut.Embed(["muscle wasting", "", "🙂"], EmbeddingKind.Query);

        Assert.All(vectors, vector =>
        {
            Assert.Equal(Sut.Dimensions, vector.Length);
            Assert.Equal(1, TensorPrimitives.Norm(vector), 3);
        });
    }

    [Fact]
    public void Words_ModelVocabulary_HoldsWholeWordsNotPieces()
    {
        Assert.Contains("muscle", Sut.Words);
        Assert.DoesNotContain("##ing", Sut.Words);
        Assert.DoesNotContain("[CLS]", Sut.Words);
    }

    [Fact]
    public void Embed_Paraphrase_IsCloserThanAnUnrelatedSentence()
    {
        var vectors = Sut.Embed(["my muscles are wasting away", "I am losing muscle mass", "the train leaves at noon"], EmbeddingKind.Query);

        Assert.True(TensorPrimitives.Dot(vectors[0], vectors[1]) > TensorPrimitives.Dot(vectors[0], vectors[2]) + 0.2f);
    }

    [Fact]
    public async Task Embed_FromManyThreads_GivesTheSameVectorsAsOneThread()
    {
        string[] texts = ["bed rest weakens muscles", "what is sarcopenia", "physio after surgery", "protein and exercise"];
        var expected = Sut.Embed(texts, EmbeddingKind.Query);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => Sut.Embed([texts[i % texts.Length]], EmbeddingKind.Query)[0])));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % texts.Length], results[i]);
        }
    }

    [Theory]
    [InlineData("it’s “fine”", "it's  fine ")]
    [InlineData("a\u200Bb\u0000c", "abc")]
    [InlineData("line\nbreak", "line break")]
    [InlineData("", " ")]
    public void Prepare_UnicodeThePackageTokenizerCannotSplit_BecomesSpacesOrIsDropped(string text, string expected)
    {
        Assert.Equal(expected, MiniLmEmbedder.Prepare(text));
    }

    [Fact]
    public void Prepare_HugeText_IsCutToWhatTheModelReads()
    {
        Assert.Equal(MiniLmEmbedder.MaxTextLength, MiniLmEmbedder.Prepare(new string('a', 100_000)).Length);
    }
}
