using System.Globalization;

namespace Bot.Knowledge.Analysis;

/// <summary>
/// Splits text into words as Unicode word segmentation (UAX #29) does for ordinary prose: runs of letters,
/// digits and combining marks; an apostrophe between letters stays inside the word ("Gehrig's", "it’s"), and
/// a point or comma between digits stays inside the number ("2.5"). Everything else separates words.
/// Format characters (zero-width joiners, bidi marks) are skipped, so hidden characters cannot split or hide a word.
/// </summary>
public sealed class StandardTokenizer
{
    /// <summary>The longest token emitted; longer runs are cut, so hostile input cannot make huge terms.</summary>
    public const int MaxTokenLength = 64;

    /// <summary>Yields the words of <paramref name="text"/> with their offsets and positions.</summary>
    public static IEnumerable<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var position = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text, i))
            {
                i++;
                continue;
            }

            var start = i;
            var builder = new System.Text.StringBuilder();
            while (i < text.Length)
            {
                var c = text[i];
                if (IsWordChar(text, i))
                {
                    AppendChar(builder, text, ref i);
                }
                else if (IsFormat(c) && builder.Length > 0)
                {
                    i++;
                }
                else if (IsApostrophe(c) && i + 1 < text.Length && IsLetter(text, i + 1) && builder.Length > 0 && char.IsLetter(builder[^1]))
                {
                    builder.Append('\'');
                    i++;
                }
                else if (c is '.' or ',' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]) && builder.Length > 0 && char.IsAsciiDigit(builder[^1]))
                {
                    builder.Append(c);
                    i++;
                }
                else
                {
                    break;
                }
            }

            var term = builder.Length > MaxTokenLength ? builder.ToString(0, MaxTokenLength) : builder.ToString();
            yield return new Token(term, start, i, position++);
        }
    }

    private static void AppendChar(System.Text.StringBuilder builder, string text, ref int i)
    {
        if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            builder.Append(text, i, 2);
            i += 2;
            return;
        }

        builder.Append(text[i]);
        i++;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    private static bool IsFormat(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    private static bool IsLetter(string text, int i) => char.IsLetter(text, i);

    private static bool IsWordChar(string text, int i)
    {
        if (char.IsLowSurrogate(text[i]))
        {
            return false;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(text, i);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }
}
