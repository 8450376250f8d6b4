using System.Buffers;
using Bot.Knowledge.Semantic;

namespace Bot.Knowledge.Retrieval;

/// <summary>
/// The vector half of a ranking's quantised pass: every passage's weighted quantised cosines, by passage id, and the
/// question it was made for. The scores live in an array rented from the shared pool (one a passage: 100k passages
/// would otherwise put 800 KB on the large-object heap per question, and full collections on the answers' tail);
/// dispose it once ranked.
/// </summary>
public sealed class VectorScan : IDisposable
{
    private double[]? _scores;

    internal VectorScan(QuantizedQuery query, int count) => (Query, _scores) = (query, ArrayPool<double>.Shared.Rent(count));

    internal QuantizedQuery Query { get; }

    /// <summary>The scores, by passage id (the rented array may be longer than the passages).</summary>
    internal double[] Scores => _scores ?? throw new ObjectDisposedException(nameof(VectorScan));

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _scores, null) is { } scores)
        {
            ArrayPool<double>.Shared.Return(scores);
        }
    }
}
