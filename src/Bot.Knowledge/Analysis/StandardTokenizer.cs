using System.Globalization;
using System.Text;

namespace Bot.Knowledge.Analysis;

/// <summary>
/// Splits text into words as Unicode word segmentation (UAX #29) does for ordinary prose: runs of letters,
/// digits and combining marks; an apostrophe between letters stays inside the word ("Gehrig's", "it’s"), and
/// a point or comma between digits stays inside the number ("2.5"). Everything else separates words.
/// Format characters (zero-width joiners, bidi marks) are skipped, so hidden characters cannot split or hide a word.
/// </summary>
public static class StandardTokenizer
{
    /// <summary>The longest token emitted; longer runs are cut, so hostile input cannot make huge terms.</summary>
    public const int MaxTokenLength = 64;

    /// <summary>The words of <paramref name="text"/> with their offsets and positions.</summary>
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        Tokenize(text, tokens);
        return tokens;
    }

    /// <summary>Appends the words of <paramref name="text"/> to <paramref name="tokens"/>.</summary>
    public static void Tokenize(string text, List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
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
            var verbatim = true;
            while (i < text.Length)
            {
                var c = text[i];
                if (IsWordChar(text, i))
                {
                    i += char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                }
                else if (JoinsWord(text, i))
                {
                    verbatim &= c is '\'' or '.' or ',';
                    i++;
                }
                else
                {
                    break;
                }
            }

            tokens.Add(new Token(verbatim ? Cut(text, start, i) : Normalize(text, start, i), start, i, position++));
        }
    }

    private static string Cut(string text, int start, int end) => text.Substring(start, Math.Min(end - start, MaxTokenLength));

    /// <summary>The word between <paramref name="start"/> and <paramref name="end"/> without format characters, with plain apostrophes.</summary>
    private static string Normalize(string text, int start, int end)
    {
        var builder = new StringBuilder(end - start);
        for (var i = start; i < end && builder.Length < MaxTokenLength; i++)
        {
            var c = text[i];
            if (!IsFormat(c))
            {
                builder.Append(IsApostrophe(c) ? '\'' : c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether the character at <paramref name="i"/>, not itself a word character, continues the word before it.</summary>
    private static bool JoinsWord(string text, int i)
    {
        var c = text[i];
        if (IsFormat(c))
        {
            return true;
        }

        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        var previous = text[i - 1];
        if (IsApostrophe(c))
        {
            return char.IsLetter(previous) && i + 1 < text.Length && char.IsLetter(text, i + 1);
        }

        return c is '.' or ',' && char.IsAsciiDigit(previous) && char.IsAsciiDigit(next);
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    private static bool IsFormat(char c) => c >= 0x80 && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    private static bool IsWordChar(string text, int i)
    {
        var c = text[i];
        if (c < 0x80)
        {
            return char.IsAsciiLetterOrDigit(c);
        }

        if (char.IsLowSurrogate(c))
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
