using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using Bot.Knowledge.Semantic;

namespace Bot.Knowledge.Understanding;

/// <summary>
/// Decides whether a message leans on the conversation's topic ("how is it treated?", "and in older people?", "is
/// that common?") or starts a new one ("what is myositis?"), and for a follow-up gives the text to retrieve with:
/// the message followed by the topic's messages. A message leans on the topic when it refers back (a pronoun, an
/// opening "and"/"what about"), or when it is close in meaning to the topic (the cosine of their vectors) and does
/// not retrieve confidently alone; a question that names its own subject ("what is X?") never does.
/// On our labelled conversations (tests/Bot.Knowledge.Tests/TestData/Conversations, 338 rows) the cues decide nearly
/// every case: a grid of the two thresholds (related 0.2–0.45, close 0.5 to never) changed no outcome with today's
/// lexical retrieval, so they are set from the cosines seen between topics and their follow-ups, to be fitted again
/// once retrieval is semantic.
/// </summary>
public sealed partial class FollowUpReader(IEmbedder embedder)
{
    /// <summary>At or above this cosine to the topic, a message that retrieves weakly alone is read against the topic.</summary>
    public const double RelatedSimilarity = 0.35;

    /// <summary>At or above this cosine to the topic, a message is read against the topic even without a cue.</summary>
    public const double CloseSimilarity = 0.6;

    /// <summary>
    /// The text to retrieve <paramref name="message"/> with when it leans on <paramref name="topic"/>, else null;
    /// <paramref name="answeredAlone"/> is whether the message alone retrieves an answer confidently.
    /// </summary>
    public string? Read(Message message, ConversationTopic? topic, bool answeredAlone)
    {
        ArgumentNullException.ThrowIfNull(message);
        var refersBack = RefersBack().IsMatch(message.Text);
        if (topic is null || topic.Messages.Count == 0 || (!refersBack && NamesOwnSubject().IsMatch(message.Text)))
        {
            return null;
        }

        var similarity = TensorPrimitives.Dot(message.Vector, embedder.Embed([topic.Text], EmbeddingKind.Query)[0]);
        var leans = refersBack
            || similarity >= CloseSimilarity
            || (similarity >= RelatedSimilarity && !answeredAlone);
        return leans ? $"{message.Text} {topic.Text}" : null;
    }

    /// <summary>
    /// For "what about X?" or "and X?" after a question about a named subject ("what is SMA?"), that question asked
    /// about X instead ("what is ALS"); else null.
    /// </summary>
    public static string? AskedAbout(string message, ConversationTopic? topic)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (topic is null || OtherSubject().Match(message) is not { Success: true } match || RefersBack().IsMatch(match.Groups["subject"].Value))
        {
            return null;
        }

        var first = topic.Messages[0];
        var at = first.IndexOf(topic.Subject, StringComparison.OrdinalIgnoreCase);
        return at < 0 || topic.Subject.Length == first.TrimEnd('?', '!', '.', ' ').Length
            ? null
            : string.Concat(first.AsSpan(0, at), match.Groups["subject"].Value.Trim(), first.AsSpan(at + topic.Subject.Length));
    }

    /// <summary>"what about X?", "how about X?", "and X?", X a name (no preposition before it).</summary>
    [GeneratedRegex(@"^\W*(?:what\s+about|how\s+about|and)\s+(?!(?:in|with|for|if|when|after|from|at|on|to|the)\b)(?<subject>[\w\s’'-]{2,}?)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex OtherSubject();

    /// <summary>A pronoun or demonstrative that points back, or an opening that continues ("and…", "what about…").</summary>
    [GeneratedRegex(@"\b(?:it|its|it's|itself|that|this|those|these|they|them|their|he|she|him|his|her)\b|^\W*(?:and|so|but|also|ok(?:ay)?\s+so|what\s+about|how\s+about|what\s+if)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RefersBack();

    /// <summary>"what is X?" with X a name, not a pronoun: a new subject.</summary>
    [GeneratedRegex(@"^\W*(?:what\s*(?:is|are|'s|’s|s)|tell\s+me\s+about|define)\s+[\w\s’'-]{2,}\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex NamesOwnSubject();
}
