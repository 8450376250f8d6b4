using System.Text.RegularExpressions;

namespace Bot.Knowledge.Corpus;

/// <summary>
/// Finds reference-list entries (author or title, a year in brackets, an address) so they are kept as the
/// source's metadata rather than answered from. A block that strings several entries together is split after
/// each address; entries are de-duplicated by address.
/// </summary>
public static partial class ReferenceExtractor
{
    /// <summary>Whether a block is (part of) a reference list.</summary>
    public static bool IsReference(string text) => Year().IsMatch(text) && Url().IsMatch(text);

    /// <summary>The distinct entries of the reference blocks among <paramref name="blocks"/>, in order.</summary>
    public static IReadOnlyList<string> Extract(IEnumerable<TextBlock> blocks)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<string>();
        foreach (var block in blocks.Where(block => IsReference(block.Text)))
        {
            var start = 0;
            foreach (Match url in Url().Matches(block.Text))
            {
                var entry = WhiteSpace.Collapse(block.Text[start..(url.Index + url.Length)]).Replace("&amp;", "&", StringComparison.Ordinal);
                start = url.Index + url.Length;
                if (Year().IsMatch(entry) && !entry.Contains("cite this", StringComparison.OrdinalIgnoreCase) && seen.Add(url.Value))
                {
                    entries.Add(entry);
                }
            }
        }

        return entries;
    }

    [GeneratedRegex(@"\((\d{4}|n\.d\.)\)")]
    private static partial Regex Year();

    [GeneratedRegex(@"https?://[^\s<>&]+")]
    private static partial Regex Url();

}
