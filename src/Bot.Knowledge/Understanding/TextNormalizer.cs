using System.Text;

namespace Bot.Knowledge.Understanding;

/// <summary>Normalizes a message for rule matching: lower case, curly apostrophes straightened, hidden format characters dropped, every other run of non-word characters one space.</summary>
public static class TextNormalizer
{
    /// <summary>The normalized form of <paramref name="text"/>.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var space = true;
        foreach (var raw in text)
        {
            var c = raw is '\u2019' or '\u2018' or '\u02BC' ? '\'' : char.ToLowerInvariant(raw);
            if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c) || c == '\'')
            {
                builder.Append(c);
                space = false;
            }
            else if (!space)
            {
                builder.Append(' ');
                space = true;
            }
        }

        return builder.ToString().TrimEnd();
    }
}
