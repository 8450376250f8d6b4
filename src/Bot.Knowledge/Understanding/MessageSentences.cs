using System.Text.RegularExpressions;

namespace Bot.Knowledge.Understanding;

/// <summary>
/// Splits a chat message into sentences: at line breaks, and after '.', '!' or '?' followed by a space. Chat has no
/// abbreviations worth protecting and often no capitals, so this is simpler than the corpus's sentence splitter.
/// </summary>
public static partial class MessageSentences
{
    /// <summary>The non-empty sentences of <paramref name="text"/>, trimmed.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. Boundary().Split(text).Select(sentence => sentence.Trim()).Where(sentence => sentence.Any(char.IsLetterOrDigit))];
    }

    [GeneratedRegex(@"[\r\n]+|(?<=[.!?…])\s+")]
    private static partial Regex Boundary();
}
