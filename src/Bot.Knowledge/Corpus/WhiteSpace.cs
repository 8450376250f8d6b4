using System.Text.RegularExpressions;

namespace Bot.Knowledge.Corpus;

/// <summary>White space folded for reading: every run one space, none at either end; the words stay as they are.</summary>
public static partial class WhiteSpace
{
    /// <summary><paramref name="text"/> with each run of white space made one space, trimmed.</summary>
    public static string Collapse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Runs().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Runs();
}
