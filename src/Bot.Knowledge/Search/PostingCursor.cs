using Bot.Knowledge.Index;

namespace Bot.Knowledge.Search;

/// <summary>Walks one posting list in document order, scoring each posting as weight × saturation.</summary>
/// <param name="postings">The term's postings in one field.</param>
/// <param name="saturations">The BM25 saturation of each posting.</param>
/// <param name="weight">What multiplies a saturation: the term's weight, the field's boost and the term's idf.</param>
/// <param name="alternative">Which of its clause's alternatives the postings belong to.</param>
/// <param name="field">The field the postings belong to.</param>
internal sealed class PostingCursor(PostingList postings, float[] saturations, double weight, int alternative, IndexField field)
{
    private readonly int[] _documents = postings.Documents;
    private int _index;

    /// <summary>Which of its clause's alternatives the postings belong to.</summary>
    public int Alternative { get; } = alternative;

    /// <summary>The field the postings belong to.</summary>
    public IndexField Field { get; } = field;

    /// <summary>The current document, or <see cref="int.MaxValue"/> once exhausted.</summary>
    public int Document => _index < _documents.Length ? _documents[_index] : int.MaxValue;

    /// <summary>The score of the current posting.</summary>
    public double Score => weight * saturations[_index];

    /// <summary>The term's positions in the current document.</summary>
    public ReadOnlySpan<int> Positions => postings.PositionsAt(_index);

    /// <summary>The most any posting scores.</summary>
    public double MaxScore { get; } = weight * saturations.Max();

    /// <summary>Moves to the next posting.</summary>
    public void Next() => _index++;

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
