using System.Numerics;
using System.Runtime.InteropServices;

namespace Bot.Knowledge.Search;

/// <summary>Element-wise folds of one score array into another, a vector at a time; the source is left all zero.</summary>
internal static class TensorMath
{
    /// <summary><c>target[i] = max(target[i], source[i]); source[i] = 0</c>.</summary>
    public static void MaxInto(float[] source, float[] target)
    {
        CheckLengths(source, target);
        var sources = MemoryMarshal.Cast<float, Vector<float>>(source.AsSpan());
        var targets = MemoryMarshal.Cast<float, Vector<float>>(target.AsSpan());
        var tail = sources.Length * Vector<float>.Count;
        for (var i = 0; i < sources.Length; i++)
        {
            targets[i] = Vector.Max(sources[i], targets[i]);
        }

        for (var i = tail; i < source.Length; i++)
        {
            target[i] = Math.Max(source[i], target[i]);
        }

        Array.Clear(source);
    }

    /// <summary><c>target[i] += source[i]; source[i] = 0</c>.</summary>
    public static void AddInto(float[] source, float[] target)
    {
        CheckLengths(source, target);
        var sources = MemoryMarshal.Cast<float, Vector<float>>(source.AsSpan());
        var targets = MemoryMarshal.Cast<float, Vector<float>>(target.AsSpan());
        var tail = sources.Length * Vector<float>.Count;
        for (var i = 0; i < sources.Length; i++)
        {
            targets[i] += sources[i];
        }

        for (var i = tail; i < source.Length; i++)
        {
            target[i] += source[i];
        }

        Array.Clear(source);
    }

    private static void CheckLengths(float[] source, float[] target)
    {
        if (source.Length != target.Length)
        {
            throw new ArgumentException("Score arrays must have the same length.", nameof(target));
        }
    }
}
