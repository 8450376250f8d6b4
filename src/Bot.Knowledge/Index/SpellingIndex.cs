using Bot.Knowledge.Search;

namespace Bot.Knowledge.Index;

/// <summary>
/// The words of the indexed text for typo correction, in the manner of Lucene's FuzzyQuery over the term
/// dictionary with a one-letter prefix: words are grouped by first letter and sorted by length, so a lookup
/// compares only words whose length is within the allowed number of edits.
/// </summary>
public sealed class SpellingIndex
{
    private readonly Dictionary<char, Entry[]> _byFirstLetter;

    /// <summary>Creates the index from lower-cased surface words, each with how many passages use its term.</summary>
    public SpellingIndex(IEnumerable<(string Word, int Frequency)> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        _byFirstLetter = words
            .Where(entry => entry.Word.Length > 0)
            .GroupBy(entry => entry.Word[0])
            .ToDictionary(
                group => group.Key,
                group => group.Select(entry => new Entry(entry.Word, entry.Frequency)).OrderBy(entry => entry.Word.Length).ThenBy(entry => entry.Word, StringComparer.Ordinal).ToArray());
    }

    /// <summary>
    /// The indexed word closest in spelling to <paramref name="surface"/> (lower case): one edit allowed for words of
    /// 4–6 letters, two from 7; shorter words and words with non-letters are not corrected. Ties go to the more common word.
    /// </summary>
    public string? Closest(string surface)
    {
        ArgumentNullException.ThrowIfNull(surface);
        if (surface.Length < 4 || !surface.All(char.IsLetter) || !_byFirstLetter.TryGetValue(surface[0], out var entries))
        {
            return null;
        }

        var maxEdits = surface.Length < 7 ? 1 : 2;
        Entry? best = null;
        var bestDistance = maxEdits + 1;
        for (var i = FirstOfLength(entries, surface.Length - maxEdits); i < entries.Length && entries[i].Word.Length <= surface.Length + maxEdits; i++)
        {
            var entry = entries[i];
            var distance = EditDistance.Compute(surface, entry.Word, maxEdits);
            if (distance < bestDistance || (distance == bestDistance && distance <= maxEdits && entry.Frequency > best!.Frequency))
            {
                (best, bestDistance) = (entry, distance);
            }
        }

        return best?.Word;
    }

    private static int FirstOfLength(Entry[] entries, int length)
    {
        var (low, high) = (0, entries.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            (low, high) = entries[middle].Word.Length < length ? (middle + 1, high) : (low, middle);
        }

        return low;
    }

    private sealed record Entry(string Word, int Frequency);
}
