using System.Text.RegularExpressions;

namespace Bot.Knowledge.Corpus;

/// <summary>
/// Splits a passage into sentences: after '.', '!' or '?' followed by white space and a capital, digit or bullet,
/// and at every line break (each list item is a sentence of its own). Spans exclude surrounding white space.
/// </summary>
public static partial class SentenceSplitter
{
    /// <summary>The sentence spans of <paramref name="text"/> as (start, end) offsets.</summary>
    public static IReadOnlyList<(int Start, int End)> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<(int Start, int End)>();
        var start = 0;
        foreach (Match boundary in Boundary().Matches(text))
        {
            SpanTrimmer.AddTrimmed(text, start, boundary.Index + boundary.Groups[1].Length, spans);
            start = boundary.Index + boundary.Length;
        }

        SpanTrimmer.AddTrimmed(text, start, text.Length, spans);
        return spans;
    }

    [GeneratedRegex(@"([.!?]['""’”)]?)\s+(?=[\p{Lu}\d•""“(])|()\s*\n\s*")]
    private static partial Regex Boundary();
}
