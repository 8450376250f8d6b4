using System.Text.RegularExpressions;

namespace Bot.Core.Analytics;

/// <summary>
/// Blanks the personal details patients type into questions before they are kept: e-mail addresses, numbers
/// (phone numbers, dates of birth, record numbers) and the name after "my name is", "I am called" or "I'm called"
/// (the next word, and the capitalised words after it).
/// </summary>
public static partial class QuestionRedactor
{
    /// <summary><paramref name="text"/> with personal details replaced by [email], [number] and [name].</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = Email().Replace(text, "[email]");
        text = Name().Replace(text, match => match.Groups["lead"].Value + "[name]");
        return Number().Replace(text, "[number]");
    }

    [GeneratedRegex(@"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"\+?\d[\d\s().\-/]*\d|\d", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"(?<lead>\b(?i:my name is|my name's|i am called|i'm called)\s+)\p{L}[\p{L}'\-]*(?:\s+\p{Lu}[\p{L}'\-]*)*", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
