namespace Bot.Knowledge.Search;

/// <summary>
/// Finds the top passages of a disjunction of clauses without scoring every passage that matches some clause:
/// MaxScore (Turtle and Flood, "Query evaluation: strategies and optimizations", 1995; Lucene's MaxScoreBulkScorer).
/// Clauses sorted by the most they can add; once the k-th best score exceeds what the weakest clauses can reach
/// together, passages matching only those clauses cannot enter the top, so only the other ("essential") clauses
/// lead the walk, and the weak ones are consulted only while a candidate can still make it.
/// </summary>
internal static class MaxScoreCollector
{
    /// <summary>
    /// The best <paramref name="depth"/> passages as (passage, score), best first, ties to the lower id. A passage's score
    /// is the sum of its clauses plus <paramref name="bonus"/> for its source (at most <paramref name="maxBonus"/>).
    /// <paramref name="entered"/> is called when a passage enters the top, while every clause stands on it.
    /// </summary>
    public static List<(int Passage, double Score)> Collect(ClauseScorer[] clauses, int depth, Func<int, double> bonus, double maxBonus, Action<int> entered)
    {
        Array.Sort(clauses, (a, b) => a.MaxScore.CompareTo(b.MaxScore));

        // reach[i]: the most clauses 0..i can add together, with slack for floating-point rounding in sums.
        var reach = new double[clauses.Length];
        for (var i = 0; i < clauses.Length; i++)
        {
            reach[i] = ((i > 0 ? reach[i - 1] : 0) + clauses[i].MaxScore) * (1 + 1e-9);
        }

        var top = new PriorityQueue<int, (double Score, int Passage)>(depth + 1, WorstFirst.Instance);
        var threshold = double.NegativeInfinity;
        var essential = 0;
        while (true)
        {
            var passage = int.MaxValue;
            for (var i = essential; i < clauses.Length; i++)
            {
                passage = Math.Min(passage, clauses[i].Document);
            }

            if (passage == int.MaxValue)
            {
                break;
            }

            var score = bonus(passage);
            for (var i = essential; i < clauses.Length; i++)
            {
                if (clauses[i].Document == passage)
                {
                    score += clauses[i].Score();
                }
            }

            var competitive = true;
            for (var i = essential - 1; i >= 0; i--)
            {
                if (score + reach[i] <= threshold)
                {
                    competitive = false;
                    break;
                }

                clauses[i].AdvanceTo(passage);
                if (clauses[i].Document == passage)
                {
                    score += clauses[i].Score();
                }
            }

            if (competitive && score > threshold)
            {
                entered(passage);
                top.Enqueue(passage, (score, passage));
                if (top.Count > depth)
                {
                    top.Dequeue();
                }

                if (top.Count == depth)
                {
                    top.TryPeek(out _, out var worst);
                    threshold = worst.Score;
                    while (essential < clauses.Length && reach[essential] + maxBonus <= threshold)
                    {
                        essential++;
                    }
                }
            }

            for (var i = essential; i < clauses.Length; i++)
            {
                if (clauses[i].Document == passage)
                {
                    clauses[i].Next();
                }
            }
        }

        var result = new List<(int Passage, double Score)>(top.Count);
        while (top.TryDequeue(out var passage, out var priority))
        {
            result.Add((passage, priority.Score));
        }

        result.Reverse();
        return result;
    }

    /// <summary>Orders the heap so its root is the entry to drop first: the lowest score, and on a tie the higher id.</summary>
    private sealed class WorstFirst : IComparer<(double Score, int Passage)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((double Score, int Passage) x, (double Score, int Passage) y) =>
            x.Score != y.Score ? x.Score.CompareTo(y.Score) : y.Passage.CompareTo(x.Passage);
    }
}
