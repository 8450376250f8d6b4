namespace Bot.Knowledge.Index;

/// <summary>The inverted index of one field: postings by term id and every document's field length.</summary>
public sealed class FieldIndex
{
    private readonly PostingList?[] _postings;

    /// <summary>Creates a field index; <paramref name="postings"/> is indexed by term id.</summary>
    public FieldIndex(PostingList?[] postings, int[] lengths)
    {
        ArgumentNullException.ThrowIfNull(postings);
        ArgumentNullException.ThrowIfNull(lengths);
        _postings = postings;
        Lengths = lengths;
        AverageLength = lengths.Length == 0 ? 0 : Math.Max(1e-9, lengths.Average());
    }

    /// <summary>Each document's length in this field, in terms.</summary>
    public int[] Lengths { get; }

    /// <summary>The mean field length over all documents.</summary>
    public double AverageLength { get; }

    /// <summary>How many term ids the field has slots for.</summary>
    public int TermCount => _postings.Length;

    /// <summary>The postings of <paramref name="termId"/>, or null if no document has it in this field.</summary>
    public PostingList? Postings(int termId) => termId >= 0 && termId < _postings.Length ? _postings[termId] : null;
}
