using System.Numerics.Tensors;
using Bot.Knowledge.Semantic;

namespace Bot.Knowledge.Tests.Semantic;

public sealed class QuantizedVectorsTests
{
    private const int Dimensions = 384;

    [Theory]
    [InlineData(7)]
    [InlineData(16)]
    [InlineData(40)]
    [InlineData(384)]
    public void Dot_AnyLength_EqualsTheScalarProduct(int length)
    {
        var random = new Random(length);
        var codes = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
        var query = Enumerable.Range(0, length).Select(_ => (short)random.Next(-32767, 32768)).ToArray();

        var dot = QuantizedVectors.Dot(codes, query);

        Assert.Equal(codes.Zip(query, (code, value) => (long)code * value).Sum(), dot);
    }

    [Fact]
    public void Cosine_RandomAndSkewedUnitVectors_IsWithinTheErrorBoundOfTheExactCosine()
    {
        var random = new Random(3);
        // Half the rows with one dimension far larger than the rest (as sentence models have), which coarsens their scale.
        var rows = Enumerable.Range(0, 500).Select(i => Unit(random, skew: i % 2 == 0 ? 12 : 1)).ToArray();
        var sut = new QuantizedVectors(rows.SelectMany(row => row).ToArray(), Dimensions);
        var worst = 0f;

        for (var q = 0; q < 20; q++)
        {
            var vector = q == 0 ? rows[0] : Unit(random, skew: 1);
            var query = new QuantizedQuery(vector);
            var bound = sut.ErrorBound(query);
            for (var row = 0; row < rows.Length; row++)
            {
                var error = Math.Abs(sut.Cosine(query, row) - TensorPrimitives.Dot(rows[row], vector));
                Assert.True(error <= bound, $"row {row}: error {error} over the bound {bound}");
                worst = Math.Max(worst, error);
            }
        }

        Assert.InRange(worst, 1e-5f, 0.01f);
        Assert.Equal(500, sut.Count);
        Assert.Equal(500 * (Dimensions + sizeof(float)), sut.Bytes);
    }

    [Fact]
    public void Cosine_ZeroRow_IsZero()
    {
        var sut = new QuantizedVectors(new float[Dimensions], Dimensions);

        Assert.Equal(0f, sut.Cosine(new QuantizedQuery(Unit(new Random(1), skew: 1)), 0));
    }

    internal static float[] Unit(Random random, float skew)
    {
        var vector = Enumerable.Range(0, Dimensions).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        vector[5] *= skew;
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }
}
