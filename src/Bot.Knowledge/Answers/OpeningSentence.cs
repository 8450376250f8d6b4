using System.Text.RegularExpressions;

namespace Bot.Knowledge.Answers;

/// <summary>
/// The sentence of a passage a cited snippet opens with, for a question: the sentence defining X for "what is X" (see
/// <see cref="DefinitionFinder"/>); else, when the question names something rare in the corpus that only one sentence
/// of the passage names and the closest sentence in meaning does not ("whats that plasma one" after a question on
/// treatments, "can burns cause muscle wasting"), that sentence; else the closest one.
/// </summary>
public static partial class OpeningSentence
{
    /// <summary>Most times a word may occur in the corpus to count as rare (the corpus holds one article three times).</summary>
    public const int MaxRareOccurrences = 6;

    /// <summary>The index of the opening sentence among <paramref name="sentences"/> (spans of <paramref name="text"/>); <paramref name="occurrences"/> counts a word in the corpus.</summary>
    public static int Choose(string question, string text, IReadOnlyList<(int Start, int End)> sentences, int closest, Func<string, int> occurrences)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(occurrences);
        if (DefinitionFinder.Subject(question) is { } subject
            && Enumerable.Range(0, sentences.Count).FirstOrDefault(i => DefinitionFinder.Defines(Sentence(i), subject), -1) is var defining and >= 0)
        {
            return defining;
        }

        var rare = Word().Matches(question).Select(match => match.Value.ToLowerInvariant())
            .Where(word => occurrences(word) is > 0 and <= MaxRareOccurrences).ToHashSet(StringComparer.Ordinal);
        if (rare.Count == 0 || rare.Any(word => Names(closest, word)))
        {
            return closest;
        }

        var naming = rare.Select(word => Enumerable.Range(0, sentences.Count).Where(i => Names(i, word)).ToArray())
            .Where(found => found.Length == 1).Select(found => found[0]).Distinct().ToArray();
        return naming.Length == 1 ? naming[0] : closest;

        string Sentence(int i) => text[sentences[i].Start..sentences[i].End];

        bool Names(int i, string word) => Sentence(i).Contains(word, StringComparison.OrdinalIgnoreCase)
            && Regex.IsMatch(Sentence(i), $@"\b{Regex.Escape(word)}", RegexOptions.IgnoreCase);
    }

    /// <summary>A word of five letters or more.</summary>
    [GeneratedRegex(@"\p{L}{5,}")]
    private static partial Regex Word();
}
