using System.Numerics.Tensors;

namespace Bot.Knowledge.Semantic;

/// <summary>
/// A question's vector quantised to 16-bit codes (its largest magnitude maps to 32767) for <see cref="QuantizedVectors"/>;
/// it loses about 10⁻⁵ of each cosine, which <see cref="Residual"/> bounds.
/// </summary>
internal sealed class QuantizedQuery
{
    public QuantizedQuery(ReadOnlySpan<float> vector)
    {
        Scale = TensorPrimitives.MaxMagnitude(vector) / short.MaxValue;
        Codes = new short[vector.Length];
        var restored = new float[vector.Length];
        for (var i = 0; i < vector.Length; i++)
        {
            Codes[i] = Scale == 0 ? (short)0 : (short)Math.Round(vector[i] / Scale);
            restored[i] = Codes[i] * Scale;
        }

        Norm = TensorPrimitives.Norm(vector);
        Residual = TensorPrimitives.Distance(vector, restored);
    }

    /// <summary>The codes, one a dimension.</summary>
    public short[] Codes { get; }

    /// <summary>What one code unit stands for.</summary>
    public float Scale { get; }

    /// <summary>The length of the exact vector.</summary>
    public float Norm { get; }

    /// <summary>How far the quantised vector is from the exact one.</summary>
    public float Residual { get; }
}
