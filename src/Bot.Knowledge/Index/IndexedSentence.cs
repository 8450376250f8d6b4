namespace Bot.Knowledge.Index;

/// <summary>A sentence of a passage: its span relative to the passage text and its terms, for highlighting.</summary>
/// <param name="Start">Offset of the first character within the passage text.</param>
/// <param name="End">Offset just past the last character within the passage text.</param>
/// <param name="TermIds">The ids of the sentence's terms, ascending and distinct.</param>
public sealed record IndexedSentence(int Start, int End, int[] TermIds)
{
    /// <summary>Whether the sentence contains <paramref name="termId"/>.</summary>
    public bool Contains(int termId) => Array.BinarySearch(TermIds, termId) >= 0;
}
