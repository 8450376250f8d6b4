namespace Bot.Knowledge.Search;

/// <summary>
/// Finds the best-scoring passages of a disjunction of clauses a window of passage ids at a time, term at a time
/// within the window (Lucene's BooleanScorer for disjunctions): each clause adds its scores into a window-sized
/// array, then the window's passages compete for the top. Before scoring a window, the block maxima of every clause
/// bound what any passage in it can score; a window that cannot beat the current k-th best is skipped whole
/// (block-max pruning, as in Lucene's impacts-based scorers).
/// </summary>
internal static class TopPassageCollector
{
    private const int WindowSize = 4096;

    /// <summary>Below this many passages a search runs on one thread; above, each core collects a slice of the ids (as Lucene's IndexSearcher does with an executor).</summary>
    private const int MinPassagesPerSlice = 32_768;

    /// <summary>
    /// The best <paramref name="depth"/> passages as (passage, score), best first, ties to the lower id, collected in
    /// parallel slices of passage ids when there are many; <paramref name="clauses"/> makes a fresh set of clause
    /// scorers for each slice. Scores are as in <see cref="Collect(ClauseScorer[], int, double[], int[], int, int)"/>.
    /// </summary>
    public static List<(int Passage, double Score)> Collect(Func<ClauseScorer[]> clauses, int depth, double[] bonus, int[] sources)
    {
        var slices = Math.Clamp(sources.Length / MinPassagesPerSlice, 1, Environment.ProcessorCount);
        if (slices == 1)
        {
            return Collect(clauses(), depth, bonus, sources, 0, sources.Length);
        }

        var tops = new List<(int Passage, double Score)>[slices];
        var sliceLength = (sources.Length + slices - 1) / slices;
        Parallel.For(0, slices, slice => tops[slice] = Collect(clauses(), depth, bonus, sources, slice * sliceLength, Math.Min(sources.Length, (slice + 1) * sliceLength)));
        return [.. tops.SelectMany(top => top).OrderByDescending(entry => entry.Score).ThenBy(entry => entry.Passage).Take(depth)];
    }

    /// <summary>
    /// The best <paramref name="depth"/> passages with ids from <paramref name="start"/> to before <paramref name="end"/>
    /// as (passage, score), best first, ties to the lower id. A passage's score
    /// is the sum of its clauses plus the <paramref name="bonus"/> of its source (<paramref name="sources"/> holds each
    /// passage's source ordinal), if some clause matches it.
    /// </summary>
    private static List<(int Passage, double Score)> Collect(ClauseScorer[] clauses, int depth, double[] bonus, int[] sources, int start, int end)
    {
        var size = Math.Clamp(end - start, 1, WindowSize);
        var (scores, clauseScratch, alternativeScratch) = (new float[size], new float[size], new float[size]);
        var maxBonus = bonus.DefaultIfEmpty(0).Max();
        var top = new PriorityQueue<int, (double Score, int Passage)>(depth + 1, WorstFirst.Instance);
        var threshold = double.NegativeInfinity;
        foreach (var clause in clauses)
        {
            clause.AdvanceTo(start);
        }

        for (var from = FirstDocument(clauses); from < end; from = FirstDocument(clauses))
        {
            var to = Math.Min(from + size, end) - 1;
            if (top.Count == depth && clauses.Sum(clause => clause.MaxScoreUpTo(to)) + maxBonus <= threshold)
            {
                foreach (var clause in clauses)
                {
                    clause.AdvanceTo(to + 1);
                }

                continue;
            }

            foreach (var clause in clauses)
            {
                clause.AddScores(from, to, scores, clauseScratch, alternativeScratch);
            }

            for (var slot = 0; slot < size; slot++)
            {
                double score = scores[slot];
                if (score == 0)
                {
                    continue;
                }

                scores[slot] = 0;
                var passage = from + slot;
                if (score + maxBonus > threshold && (score += bonus[sources[passage]]) > threshold)
                {
                    top.Enqueue(passage, (score, passage));
                    if (top.Count > depth)
                    {
                        top.Dequeue();
                    }

                    if (top.Count == depth)
                    {
                        top.TryPeek(out _, out var worst);
                        threshold = worst.Score;
                    }
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

    private static int FirstDocument(ClauseScorer[] clauses)
    {
        var first = int.MaxValue;
        foreach (var clause in clauses)
        {
            first = Math.Min(first, clause.Document);
        }

        return first;
    }

    /// <summary>Orders the heap so its root is the entry to drop first: the lowest score, and on a tie the higher id.</summary>
    private sealed class WorstFirst : IComparer<(double Score, int Passage)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((double Score, int Passage) x, (double Score, int Passage) y) =>
            x.Score != y.Score ? x.Score.CompareTo(y.Score) : y.Passage.CompareTo(x.Passage);
    }
}
