using System.Text.RegularExpressions;

namespace Bot.Knowledge.Corpus;

/// <summary>
/// Cuts raw web-article text into blocks: one per line, and, in text whose paragraphs were flattened onto one
/// line, one per paragraph gap (two or more spaces after a sentence's end, before a capital or a digit).
/// Offsets always point into the original text.
/// </summary>
public static partial class PlainTextSegmenter
{
    private const int MaxHeadingLength = 80;
    private const int MaxHeadingWords = 10;

    /// <summary>Splits <paramref name="text"/> into classified blocks.</summary>
    public static IReadOnlyList<TextBlock> Segment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var blocks = new List<TextBlock>();
        var blankLines = 1;
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var newline = text.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? text.Length : newline;
            var pieces = SplitFlattened(text, lineStart, lineEnd);
            if (pieces.Count == 0)
            {
                blankLines++;
            }

            foreach (var (start, end) in pieces)
            {
                var pieceText = text[start..end];
                blocks.Add(new TextBlock(start, end, Classify(pieceText), pieceText, blankLines));
                blankLines = 1;
            }

            if (pieces.Count > 0)
            {
                blankLines = 0;
            }

            if (newline < 0)
            {
                break;
            }

            lineStart = newline + 1;
        }

        return blocks;
    }

    /// <summary>Tells a heading, a list item and a paragraph apart by shape alone.</summary>
    public static BlockKind Classify(string block)
    {
        if (ListMarker().IsMatch(block))
        {
            return BlockKind.ListItem;
        }

        var words = block.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var looksLikeTitle = block.Length <= MaxHeadingLength && words <= MaxHeadingWords
            && char.IsUpper(block[0]) && !".,;:!".Contains(block[^1]) && !block.Contains(". ", StringComparison.Ordinal);
        return looksLikeTitle ? BlockKind.Heading : BlockKind.Paragraph;
    }

    private static List<(int Start, int End)> SplitFlattened(string text, int start, int end)
    {
        var pieces = new List<(int Start, int End)>();
        var pieceStart = start;
        foreach (Match gap in ParagraphGap().Matches(text[start..end]))
        {
            SpanTrimmer.AddTrimmed(text, pieceStart, start + gap.Index + 1, pieces);
            pieceStart = start + gap.Index + gap.Length;
        }

        SpanTrimmer.AddTrimmed(text, pieceStart, end, pieces);
        return pieces;
    }

    [GeneratedRegex(@"[.!?:] {2,}(?=[\p{Lu}\d•])")]
    private static partial Regex ParagraphGap();

    [GeneratedRegex(@"^([•·▪◦‣*–-]|\d{1,2}[.)])\s")]
    private static partial Regex ListMarker();
}
