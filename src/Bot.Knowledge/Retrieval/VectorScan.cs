using Bot.Knowledge.Semantic;

namespace Bot.Knowledge.Retrieval;

/// <summary>The vector half of a ranking's quantised pass: every passage's weighted quantised cosines, by passage id, and the question it was made for.</summary>
public sealed class VectorScan
{
    internal VectorScan(QuantizedQuery query, double[] scores) => (Query, Scores) = (query, scores);

    internal QuantizedQuery Query { get; }

    internal double[] Scores { get; }
}
