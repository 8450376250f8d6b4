namespace Bot.Knowledge.Search;

/// <summary>
/// Scores one question word over its alternatives (Lucene's DisjunctionMaxQuery): a passage gets its best
/// alternative, so a synonym never counts on top of its word. Scores a window of passages at a time.
/// </summary>
internal sealed class ClauseScorer(IReadOnlyList<ImpactCursor> alternatives)
{
    private readonly ImpactCursor[] _alternatives = [.. alternatives];

    /// <summary>The first passage not yet scored that matches the clause, or <see cref="int.MaxValue"/>.</summary>
    public int Document => _alternatives.Length == 0 ? int.MaxValue : _alternatives.Min(cursor => cursor.Document);

    /// <summary>The most the clause adds to any passage from the current one up to <paramref name="upTo"/>.</summary>
    public double MaxScoreUpTo(int upTo)
    {
        var best = 0.0;
        foreach (var cursor in _alternatives)
        {
            best = Math.Max(best, cursor.MaxScoreUpTo(upTo));
        }

        return best;
    }

    /// <summary>
    /// Adds the clause's score of every passage up to <paramref name="to"/> into <paramref name="scores"/> (indexed
    /// from <paramref name="from"/>) and moves past them. <paramref name="clause"/> and <paramref name="alternative"/>
    /// are all-zero scratch arrays as long as <paramref name="scores"/>, left all zero.
    /// </summary>
    public void AddScores(int from, int to, float[] scores, float[] clause, float[] alternative)
    {
        if (_alternatives.Length == 1)
        {
            _alternatives[0].AddScores(from, to, scores);
            return;
        }

        _alternatives[0].AddScores(from, to, clause);
        for (var a = 1; a < _alternatives.Length; a++)
        {
            _alternatives[a].AddScores(from, to, alternative);
            TensorMath.MaxInto(alternative, clause);
        }

        TensorMath.AddInto(clause, scores);
    }

    /// <summary>Skips the passages before <paramref name="target"/>.</summary>
    public void AdvanceTo(int target)
    {
        foreach (var cursor in _alternatives)
        {
            cursor.AdvanceTo(target);
        }
    }
}
