using System.Text.RegularExpressions;

namespace Bot.Knowledge.Understanding;

/// <summary>
/// What a conversation is about: the messages that set its topic (the self-contained question first, then the
/// follow-ups read against it, at most <see cref="MaxMessages"/>), a short name for it to show the patient, and the
/// passages cited for it. Plain data, so conversation state keeps it on every channel and replica.
/// </summary>
/// <param name="Subject">A short name for the topic, as in "About cachexia: …".</param>
/// <param name="Messages">The messages that set the topic, oldest first.</param>
/// <param name="Passages">The passages cited for it.</param>
public sealed partial record ConversationTopic(string Subject, IReadOnlyList<string> Messages, IReadOnlyList<int> Passages)
{
    /// <summary>How many messages a topic keeps.</summary>
    public const int MaxMessages = 3;

    /// <summary>Longest subject shown, in characters.</summary>
    private const int MaxSubjectLength = 60;

    /// <summary>
    /// What a follow-up is retrieved with beside its own words: the message that set the topic ("what is cachexia",
    /// "my dad has muscle wasting from lying in a hospital bed"). Against the named subject alone ("cachexia") with today's
    /// ranker it was one row behind on each of our conversations (281 of 338 against 282) and dev-followups (46 of 60
    /// against 47), but short follow-ups such as "does it hurt?" after "what is myositis" decline with the name alone.
    /// </summary>
    public string Reference => Messages.Count > 0 ? Messages[0] : Subject;

    /// <summary>
    /// A topic set by the self-contained <paramref name="message"/>: named by what it asks about ("cachexia" for
    /// "what is cachexia?"), else by the message itself.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="passages">The passages cited for it.</param>
    /// <param name="subject">What it asks about, when the caller knows ("MS" for "what causes MS" asked as "what about MS?").</param>
    public static ConversationTopic Start(string message, IEnumerable<int> passages, string? subject = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.Trim();
        subject ??= SubjectQuestion().Match(text) is { Success: true } match ? match.Groups["subject"].Value.Trim() : text.TrimEnd('?', '!', '.', ' ');
        if (subject.Length > MaxSubjectLength)
        {
            var cut = subject.LastIndexOf(' ', MaxSubjectLength);
            subject = subject[..(cut > 0 ? cut : MaxSubjectLength)] + "…";
        }

        return new ConversationTopic(subject, [text], [.. passages]);
    }

    /// <summary>This topic continued by <paramref name="message"/>, citing <paramref name="passages"/> too.</summary>
    public ConversationTopic Continue(string message, IEnumerable<int> passages) =>
        this with
        {
            Messages = [Messages[0], .. Messages.Skip(1).Append(message.Trim()).TakeLast(MaxMessages - 1)],
            Passages = [.. Passages.Union(passages)],
        };

    /// <summary>"what is X", "what's X", "tell me about X", "define X": X is the subject.</summary>
    [GeneratedRegex(@"^\W*(?:what\s*(?:is|are|'s|’s|s)\s+(?:an?\s+|the\s+)?|tell\s+me\s+about\s+|define\s+)(?<subject>[\w\s’'-]{2,}?)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex SubjectQuestion();
}
