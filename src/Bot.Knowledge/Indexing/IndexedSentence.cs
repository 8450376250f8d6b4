namespace Bot.Knowledge.Indexing;

/// <summary>A sentence of a passage: its span relative to the passage text and the terms indexed inside it, for highlighting.</summary>
/// <param name="Start">Offset of the first character within the passage text.</param>
/// <param name="End">Offset just past the last character within the passage text.</param>
/// <param name="Terms">The terms (words and synonym group terms) whose words start inside the sentence, ordinal order, distinct.</param>
public sealed record IndexedSentence(int Start, int End, string[] Terms)
{
    /// <summary>Whether the sentence contains <paramref name="term"/>.</summary>
    public bool Contains(string term) => Array.BinarySearch(Terms, term, StringComparer.Ordinal) >= 0;
}
