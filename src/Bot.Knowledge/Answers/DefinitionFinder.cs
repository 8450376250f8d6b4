using System.Text.RegularExpressions;
using Bot.Knowledge.Corpus;

namespace Bot.Knowledge.Answers;

/// <summary>
/// Tells whether a text defines a subject: a sentence that opens (within its first few words) with the subject
/// followed by "is", "are", "refers to" or "means" ("Amyotrophic lateral sclerosis (ALS) is …"), or that names it
/// with "called" or "known as" ("… resulting in a condition called sarcopenia").
/// </summary>
public static partial class DefinitionFinder
{
    private const int MaxWordsBeforeSubject = 4;
    private static readonly string[] Verbs = ["is ", "are ", "refers to ", "means "];
    private static readonly string[] Namings = ["called ", "known as "];

    /// <summary>Whether <paramref name="text"/> defines <paramref name="subject"/> (case-insensitive).</summary>
    public static bool Defines(string text, string subject)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        for (var at = text.IndexOf(subject, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(subject, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + subject.Length;
            var whole = (at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end]));
            if (whole && (IsNamed(text, at) || (OpensSentence(text, at) && IsFollowedByVerb(text, end))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The X of a question asking what X is or means ("what is cachexia", "define FES"); null for other questions.</summary>
    public static string? Subject(string question) =>
        DefinitionQuestion().Match(question) is { Success: true } match && WhiteSpace.Collapse(match.Groups["subject"].Value) is { Length: > 1 } subject ? subject : null;

    private static bool IsNamed(string text, int at) =>
        Array.Exists(Namings, naming => at >= naming.Length && text.AsSpan(at - naming.Length, naming.Length).Equals(naming, StringComparison.OrdinalIgnoreCase));

    private static bool OpensSentence(string text, int at)
    {
        var words = 0;
        for (var i = at - 1; i >= 0; i--)
        {
            if (text[i] is '.' or '!' or '?' or '\n')
            {
                return true;
            }

            if (text[i] == ' ' && i > 0 && text[i - 1] != ' ' && ++words > MaxWordsBeforeSubject)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsFollowedByVerb(string text, int end)
    {
        var i = end;
        if (i < text.Length && text[i] == ')')
        {
            i++;
        }

        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        if (i < text.Length && text[i] == '(' && text.IndexOf(')', i) is var close and > 0)
        {
            i = close + 1;
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }
        }

        var rest = text.AsSpan(i);
        foreach (var verb in Verbs)
        {
            if (rest.StartsWith(verb, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A question asking what something is or means; <c>subject</c> is the something.</summary>
    [GeneratedRegex(@"^\W*(?:what\s+(?:is|are)\s+(?:an?\s+|the\s+)?(?<subject>[\w\s’'-]+?)|what\s+does\s+(?<subject>[\w\s’'-]+?)\s+mean|define\s+(?<subject>[\w\s’'-]+?)|(?<subject>[\w\s’'-]+?)\s+(?:meaning|definition))\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex DefinitionQuestion();
}
