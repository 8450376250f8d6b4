namespace Bot.Knowledge.Index;

/// <summary>
/// The documents one term occurs in, ascending, with its frequency and word positions in each. Positions of all
/// documents share one array (<see cref="PositionStarts"/> marks where each document's run begins), so a posting
/// list is four arrays however many documents it holds.
/// </summary>
public sealed class PostingList
{
    /// <summary>Creates a posting list; <paramref name="positionStarts"/> has one more entry than <paramref name="documents"/>.</summary>
    public PostingList(int[] documents, int[] frequencies, int[] positionStarts, int[] positions)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(frequencies);
        ArgumentNullException.ThrowIfNull(positionStarts);
        if (frequencies.Length != documents.Length || positionStarts.Length != documents.Length + 1)
        {
            throw new ArgumentException("Frequencies need one entry per document and position starts one more.", nameof(positionStarts));
        }

        Documents = documents;
        Frequencies = frequencies;
        PositionStarts = positionStarts;
        Positions = positions;
    }

    /// <summary>Document ids (passages, or sources for titles), ascending.</summary>
    public int[] Documents { get; }

    /// <summary>How often the term occurs in each document's field.</summary>
    public int[] Frequencies { get; }

    /// <summary>Where each document's positions begin in <see cref="Positions"/>.</summary>
    public int[] PositionStarts { get; }

    /// <summary>Word positions, ascending within each document.</summary>
    public int[] Positions { get; }

    /// <summary>Document frequency: how many documents contain the term.</summary>
    public int DocumentFrequency => Documents.Length;

    /// <summary>The index of <paramref name="document"/> in <see cref="Documents"/>, or a negative number when absent.</summary>
    public int IndexOf(int document) => Array.BinarySearch(Documents, document);

    /// <summary>The term's positions in the <paramref name="index"/>-th document of the list.</summary>
    public ReadOnlySpan<int> PositionsAt(int index) => Positions.AsSpan(PositionStarts[index], PositionStarts[index + 1] - PositionStarts[index]);
}
