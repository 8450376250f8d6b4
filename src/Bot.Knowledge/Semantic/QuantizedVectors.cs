using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Bot.Knowledge.Semantic;

/// <summary>
/// Rows of unit vectors scalar-quantised to one signed byte a dimension (each row's largest magnitude maps to 127), a
/// quarter of float32's bytes, for a scan that finds candidates before their exact cosines are computed. Every cosine it
/// returns is within <see cref="ErrorBound"/> of the exact one, so a caller can tell which rows cannot be among the best.
/// Hand-written: System.Numerics.Tensors has no widening dot product of bytes.
/// </summary>
internal sealed class QuantizedVectors
{
    /// <summary>Covers float32 rounding in the exact cosine the bound is compared with (384 products of unit vectors).</summary>
    private const float RoundingSlack = 1e-4f;

    private readonly int _dimensions;
    private readonly sbyte[] _codes;
    private readonly float[] _scales;
    private readonly float _maxResidual;
    private readonly float _maxNorm;

    /// <summary>Quantises <paramref name="rows"/>, rows of <paramref name="dimensions"/> floats one after another.</summary>
    public QuantizedVectors(ReadOnlySpan<float> rows, int dimensions)
    {
        _dimensions = dimensions;
        var count = dimensions == 0 ? 0 : rows.Length / dimensions;
        _codes = new sbyte[rows.Length];
        _scales = new float[count];
        var restored = new float[dimensions];
        for (var row = 0; row < count; row++)
        {
            var values = rows.Slice(row * dimensions, dimensions);
            var scale = TensorPrimitives.MaxMagnitude(values) / sbyte.MaxValue;
            _scales[row] = scale;
            var codes = _codes.AsSpan(row * dimensions, dimensions);
            for (var i = 0; i < dimensions; i++)
            {
                codes[i] = scale == 0 ? (sbyte)0 : (sbyte)Math.Round(values[i] / scale);
                restored[i] = codes[i] * scale;
            }

            _maxNorm = Math.Max(_maxNorm, TensorPrimitives.Norm(restored));
            _maxResidual = Math.Max(_maxResidual, TensorPrimitives.Distance(values, restored));
        }
    }

    /// <summary>How many rows there are.</summary>
    public int Count => _scales.Length;

    /// <summary>Bytes the codes and scales take.</summary>
    public long Bytes => _codes.LongLength + ((long)_scales.Length * sizeof(float));

    /// <summary>
    /// The most any of <see cref="Cosine"/>'s values for <paramref name="query"/> differs from the exact float32 cosine:
    /// |q·x − q̂·x̂| ≤ ‖q‖·‖x − x̂‖ + ‖q − q̂‖·‖x̂‖, over every row (‖x − x̂‖ and ‖x̂‖ measured when quantised).
    /// </summary>
    public float ErrorBound(QuantizedQuery query) => Count == 0 ? 0 : (query.Norm * _maxResidual) + (query.Residual * _maxNorm) + RoundingSlack;

    /// <summary>The quantised cosine of <paramref name="query"/> with row <paramref name="row"/>.</summary>
    public float Cosine(QuantizedQuery query, int row) =>
        Dot(_codes.AsSpan(row * _dimensions, _dimensions), query.Codes) * (_scales[row] * query.Scale);

    /// <summary>The exact integer dot product of byte codes with 16-bit codes (at most 127 × 32767 × 384, well within an int).</summary>
    internal static int Dot(ReadOnlySpan<sbyte> codes, ReadOnlySpan<short> query)
    {
        var sum = 0;
        var i = 0;
        if (Avx2.IsSupported && codes.Length >= 16)
        {
            ref var code = ref MemoryMarshal.GetReference(codes);
            ref var value = ref MemoryMarshal.GetReference(query);
            var (even, odd) = (Vector256<int>.Zero, Vector256<int>.Zero);
            for (; i + 32 <= codes.Length; i += 32)
            {
                even = Avx2.Add(even, Avx2.MultiplyAddAdjacent(Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref code, (nuint)i)), Vector256.LoadUnsafe(ref value, (nuint)i)));
                odd = Avx2.Add(odd, Avx2.MultiplyAddAdjacent(Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref code, (nuint)(i + 16))), Vector256.LoadUnsafe(ref value, (nuint)(i + 16))));
            }

            for (; i + 16 <= codes.Length; i += 16)
            {
                even = Avx2.Add(even, Avx2.MultiplyAddAdjacent(Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref code, (nuint)i)), Vector256.LoadUnsafe(ref value, (nuint)i)));
            }

            sum = Vector256.Sum(Avx2.Add(even, odd));
        }

        return sum + ScalarDot(codes[i..], query[i..]);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int ScalarDot(ReadOnlySpan<sbyte> codes, ReadOnlySpan<short> query)
    {
        var sum = 0;
        for (var i = 0; i < codes.Length; i++)
        {
            sum += codes[i] * query[i];
        }

        return sum;
    }
}
