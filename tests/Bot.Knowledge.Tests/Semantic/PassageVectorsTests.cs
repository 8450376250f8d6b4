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

    [Fact]
    public void Similarity_FloatsInAFile_EqualsTheSameVectorsInMemory()
    {
        var random = new Random(11);
        float[] Unit() => QuantizedVectorsTests.Unit(random, skew: 1);
        var passages = Enumerable.Range(0, 50).Select(_ => Unit()).ToArray();
        var sentences = Enumerable.Range(0, 50).Select(i => Enumerable.Range(0, i % 4).Select(_ => Unit()).ToArray()).ToArray();
        var examples = Enumerable.Range(0, 50).Select(i => Enumerable.Range(0, i % 3).Select(_ => Unit()).ToArray()).ToArray();
        var path = Path.Combine(Path.GetTempPath(), $"bot-test-{Guid.NewGuid():N}.bin");
        var query = Unit();
        var inMemory = new PassageVectors(passages, sentences, examples);

        using (var file = new VectorFile(path))
        {
            var sut = new PassageVectors(passages, sentences, examples, file: file);

            Assert.Equal(Enumerable.Range(0, 50).Select(i => inMemory.Similarity(i, query)), Enumerable.Range(0, 50).Select(i => sut.Similarity(i, query)));
            Assert.Equal(inMemory.VectorBytes, file.Bytes);
            Assert.Equal(inMemory.VectorBytes, sut.VectorBytes);
            Assert.Equal(inMemory.QuantizedBytes, sut.QuantizedBytes);
            Assert.True(File.Exists(path));
        }

        Assert.False(File.Exists(path));
    }
}
