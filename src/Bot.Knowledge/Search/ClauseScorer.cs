using Bot.Knowledge.Index;

namespace Bot.Knowledge.Search;

/// <summary>
/// Scores one question word over its alternatives and fields, in document order (Lucene's DisjunctionMaxQuery
/// scorer): each alternative's field scores add up, and a passage gets its best alternative, so a synonym never
/// counts on top of its word. While positioned on a passage it also tells how much of the question the word covers
/// there and where it stands, for coverage and proximity.
/// </summary>
internal sealed class ClauseScorer
{
    private readonly PostingCursor[] _cursors;
    private readonly double[] _alternativeScores;
    private readonly double[] _alternativeCoverage;

    /// <summary>Creates a scorer; <paramref name="coverage"/> holds how much a match of each alternative covers.</summary>
    public ClauseScorer(IReadOnlyList<PostingCursor> cursors, double[] coverage)
    {
        _cursors = [.. cursors];
        _alternativeCoverage = coverage;
        _alternativeScores = new double[coverage.Length];
        foreach (var cursor in _cursors)
        {
            _alternativeScores[cursor.Alternative] += cursor.MaxScore;
        }

        MaxScore = _alternativeScores.DefaultIfEmpty(0).Max();
        Document = MinimumDocument();
    }

    /// <summary>The most this clause adds to any passage.</summary>
    public double MaxScore { get; }

    /// <summary>The first document at or after the last one visited that matches the clause, or <see cref="int.MaxValue"/>.</summary>
    public int Document { get; private set; }

    /// <summary>The clause's score for <see cref="Document"/>.</summary>
    public double Score()
    {
        Array.Clear(_alternativeScores);
        foreach (var cursor in _cursors)
        {
            if (cursor.Document == Document)
            {
                _alternativeScores[cursor.Alternative] += cursor.Score;
            }
        }

        var best = 0.0;
        foreach (var score in _alternativeScores)
        {
            best = Math.Max(best, score);
        }

        return best;
    }

    /// <summary>How much of the question the clause covers at <paramref name="document"/>: its best alternative found there.</summary>
    public double Coverage(int document)
    {
        var best = 0.0;
        foreach (var cursor in _cursors)
        {
            if (cursor.Document == document)
            {
                best = Math.Max(best, _alternativeCoverage[cursor.Alternative]);
            }
        }

        return best;
    }

    /// <summary>Whether some alternative of <paramref name="right"/> follows some alternative of this clause within <paramref name="window"/> body positions at <paramref name="document"/>.</summary>
    public bool IsFollowedBy(ClauseScorer right, int document, int window)
    {
        foreach (var left in _cursors)
        {
            if (left.Field != IndexField.Body || left.Document != document)
            {
                continue;
            }

            foreach (var next in right._cursors)
            {
                if (next.Field == IndexField.Body && next.Document == document && WithinWindow(left.Positions, next.Positions, window))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Moves past <see cref="Document"/>.</summary>
    public void Next()
    {
        var current = Document;
        var minimum = int.MaxValue;
        foreach (var cursor in _cursors)
        {
            if (cursor.Document == current)
            {
                cursor.Next();
            }

            minimum = Math.Min(minimum, cursor.Document);
        }

        Document = minimum;
    }

    /// <summary>Moves to the first matching document at or after <paramref name="target"/>.</summary>
    public void AdvanceTo(int target)
    {
        if (Document >= target)
        {
            return;
        }

        var minimum = int.MaxValue;
        foreach (var cursor in _cursors)
        {
            cursor.AdvanceTo(target);
            minimum = Math.Min(minimum, cursor.Document);
        }

        Document = minimum;
    }

    private static bool WithinWindow(ReadOnlySpan<int> left, ReadOnlySpan<int> right, int window)
    {
        foreach (var r in right)
        {
            foreach (var l in left)
            {
                if (r > l && r - l <= window)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private int MinimumDocument()
    {
        var minimum = int.MaxValue;
        foreach (var cursor in _cursors)
        {
            minimum = Math.Min(minimum, cursor.Document);
        }

        return minimum;
    }
}
