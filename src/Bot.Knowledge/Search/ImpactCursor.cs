namespace Bot.Knowledge.Search;

/// <summary>Walks one term's impacts in document order; a posting scores the query weight times its impact.</summary>
internal sealed class ImpactCursor(TermImpacts impacts, double weight)
{
    private readonly int[] _documents = impacts.Documents;
    private int _index;

    /// <summary>The current document, or <see cref="int.MaxValue"/> once exhausted.</summary>
    public int Document => _index < _documents.Length ? _documents[_index] : int.MaxValue;

    /// <summary>The most a posting from the current one up to document <paramref name="upTo"/> scores.</summary>
    public double MaxScoreUpTo(int upTo)
    {
        var maximum = 0f;
        for (var block = _index / Bm25Impacts.BlockSize; _index < _documents.Length && block < impacts.BlockMaxima.Length && _documents[Math.Max(_index, block * Bm25Impacts.BlockSize)] <= upTo; block++)
        {
            maximum = Math.Max(maximum, impacts.BlockMaxima[block]);
        }

        return weight * maximum;
    }

    /// <summary>Adds the score of each posting up to document <paramref name="to"/> into <paramref name="scores"/> (indexed from <paramref name="from"/>) and moves past them.</summary>
    public void AddScores(int from, int to, float[] scores)
    {
        var values = impacts.Impacts;
        var factor = (float)weight;
        var i = _index;
        for (; i < _documents.Length && _documents[i] <= to; i++)
        {
            scores[_documents[i] - from] += factor * values[i];
        }

        _index = i;
    }

    /// <summary>Moves to the first posting at or after <paramref name="target"/>: galloping, then binary search.</summary>
    public void AdvanceTo(int target)
    {
        if (Document >= target)
        {
            return;
        }

        var step = 1;
        var low = _index;
        var high = _index + 1;
        while (high < _documents.Length && _documents[high] < target)
        {
            low = high;
            step <<= 1;
            high = _index + step;
        }

        var index = Array.BinarySearch(_documents, low, Math.Min(high + 1, _documents.Length) - low, target);
        _index = index >= 0 ? index : ~index;
    }
}
