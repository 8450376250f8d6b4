using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using Bot.Knowledge.Semantic;

namespace Bot.Knowledge.Understanding;

/// <summary>
/// Reads a message against the conversation's topic. It offers the readings; the answer service retrieves each and
/// <see cref="PreferJoined"/> picks one by the ranker's calibrated confidence:
/// <list type="bullet">
/// <item>"what about X?" / "and X?" after a question on a subject ("what causes ALS?") asks that question about X
/// ("what causes MS"): X takes the place of the words of the question closest in meaning to it (see
/// <see cref="AskedAbout"/>);</item>
/// <item>any other message may be joined with the topic's reference (<see cref="ConversationTopic.Reference"/>):
/// "how is it treated? what is cachexia"; a question that names its own subject ("what is X?") never is.</item>
/// </list>
/// On our labelled conversations (tests/Bot.Knowledge.Tests/TestData/Conversations, the 201 rows that reach retrieval
/// after a topic), choosing by the ranker's confidence rather than by the message's cosine to the topic was right more
/// often (133 against 126 on the ranker of the time). Also measured and not kept: joining every message of the topic,
/// choosing the more confident of two joined readings, and putting the subject in place of the pronoun ("is cachexia
/// common?": 287 of 338 on our set, but fewer right on the held-out dev-followups).
/// </summary>
public sealed partial class FollowUpReader(IEmbedder embedder)
{
    /// <summary>Longest message, in words, read as a fragment of a follow-up ("benefits?", "how new?").</summary>
    public const int MaxFragmentWords = 2;

    /// <summary>Most rewrites of "what about X?" offered.</summary>
    public const int MaxRewrites = 3;

    /// <summary>Longest run of words, in words, that X of "what about X?" may replace.</summary>
    private const int MaxReplacedWords = 4;

    /// <summary>Whether <paramref name="message"/> points back: a pronoun or demonstrative, or an opening that continues.</summary>
    public static bool RefersBack(string message) => RefersBackCue().IsMatch(message ?? string.Empty);

    /// <summary>
    /// Whether <paramref name="message"/> leans on what came before: it points back (see <see cref="RefersBack"/>)
    /// or is a fragment of at most <see cref="MaxFragmentWords"/> words ("causes?", "which illnesses?").
    /// </summary>
    public static bool Leans(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return RefersBack(message) || Word().Count(message) <= MaxFragmentWords;
    }

    /// <summary>
    /// Whether <paramref name="message"/>, taken for small talk, may rather continue a topic: it leans on it and does
    /// not speak to the bot ("are you a person?").
    /// </summary>
    public static bool Continues(string message) => Leans(message) && !ToTheBot().IsMatch(message);

    /// <summary>
    /// The text to retrieve <paramref name="message"/> with when it may lean on <paramref name="topic"/>: the message
    /// and the topic's reference; null without a topic, or when the message names its own subject ("what is X?").
    /// </summary>
    public static string? Joined(string message, ConversationTopic? topic)
    {
        ArgumentNullException.ThrowIfNull(message);
        return topic is null || topic.Messages.Count == 0 || (!RefersBack(message) && NamesOwnSubject().IsMatch(message))
            ? null
            : $"{message.Trim()} {topic.Reference}";
    }

    /// <summary>
    /// Whether the joined reading wins: a message that leans (see <see cref="Leans"/>) takes it unless only the message alone answers;
    /// any other message takes it only when it does not answer alone and the joined reading does.
    /// </summary>
    public static bool PreferJoined(bool leans, bool aloneAnswers, bool joinedAnswers) =>
        leans ? joinedAnswers || !aloneAnswers : !aloneAnswers && joinedAnswers;

    /// <summary>
    /// For "what about X?" or "and X?" after a question on a subject, that question asked about X, and X: "what about MS?"
    /// after "what causes ALS?" asks "what causes MS", "and treatment?" after "what are the symptoms of muscle atrophy"
    /// asks "what are the treatment of muscle atrophy", "and of cachexia?" after "what are the symptoms of polio" asks
    /// "what are the symptoms of cachexia". X replaces a run of the question's content words (not words of asking or
    /// grammar, nor only the words every question here is about, such as "muscle wasting"; after the same preposition
    /// when X opens with one): the rewrites come closest run in meaning first, at most <see cref="MaxRewrites"/>, for
    /// the caller to choose between by retrieval. Null when the message is not of that form, the question has no such
    /// run, or X is already one of them.
    /// </summary>
    public (IReadOnlyList<string> Questions, string Subject)? AskedAbout(string message, ConversationTopic? topic)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (topic is null || topic.Messages.Count == 0 || OtherSubject().Match(message) is not { Success: true } match || RefersBack(match.Groups["subject"].Value))
        {
            return null;
        }

        var subject = match.Groups["subject"].Value.Trim();
        if (FunctionWord().IsMatch(Word().Match(subject).Value))
        {
            // "and does exercise help?" is a question of its own, not a name.
            return null;
        }

        var preposition = match.Groups["preposition"].Value;
        var question = topic.Messages[0].Trim().TrimEnd('?', '!', '.', ' ');
        var runs = Runs(question)
            .Where(run => preposition.Length == 0 || Regex.IsMatch(question[..run.Start], $@"\b{preposition}\s+$", RegexOptions.IgnoreCase))
            .ToList();
        if (runs.Count == 0 || runs.Exists(run => string.Equals(question[run.Start..run.End], subject, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        if (runs.Count > 1)
        {
            var vectors = embedder.Embed([subject, .. runs.Select(run => question[run.Start..run.End])], EmbeddingKind.Query);
            var similarity = runs.Select((run, index) => (run, TensorPrimitives.Dot(vectors[0], vectors[index + 1]))).ToDictionary();
            runs = [.. runs.OrderByDescending(run => similarity[run])];
        }

        return ([.. runs.Take(MaxRewrites).Select(run => string.Concat(question.AsSpan(0, run.Start), subject, question.AsSpan(run.End)))], subject);
    }

    /// <summary>Every longest run of content words of <paramref name="question"/>, at most <see cref="MaxReplacedWords"/> words.</summary>
    private static List<(int Start, int End)> Runs(string question)
    {
        var runs = new List<(int Start, int End)>();
        Match? first = null;
        Match? last = null;
        var length = 0;
        foreach (Match word in Word().Matches(question))
        {
            if (FunctionWord().IsMatch(word.Value) || length == MaxReplacedWords)
            {
                Close();
            }

            if (!FunctionWord().IsMatch(word.Value))
            {
                first ??= word;
                last = word;
                length++;
            }
        }

        Close();
        return runs;

        void Close()
        {
            if (first is not null && last is not null && !Word().Matches(question[first.Index..(last.Index + last.Length)]).All(word => DomainWord().IsMatch(word.Value)))
            {
                runs.Add((first.Index, last.Index + last.Length));
            }

            (first, last, length) = (null, null, 0);
        }
    }

    /// <summary>"what about X?", "how about X?", "and X?", "and of X?", X a name (not "the …", "if …", "when …").</summary>
    [GeneratedRegex(@"^\W*(?:what\s+about|how\s+about|and)\s+(?:(?<preposition>in|with|for|of|after|from|at|on)\s+)?(?!(?:in|with|for|of|after|from|at|on|if|when|to|the)\b)(?<subject>[\w\s’'-]{2,}?)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex OtherSubject();

    /// <summary>
    /// A pronoun or demonstrative that points back at a thing ("the same ones"), or an opening that continues ("and…", "what about…").
    /// Not "he", "she", "her": they point at the patient ("can not eating waste her muscles too"), not at the subject.
    /// </summary>
    [GeneratedRegex(@"\b(?:it|its|it's|itself|that|this|those|these|they|them|ones)\b|^\W*(?:and|so|but|also|ok(?:ay)?\s+so|what\s+about|how\s+about|what\s+if)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RefersBackCue();

    /// <summary>"what is X?" with X a name, not a pronoun: a new subject.</summary>
    [GeneratedRegex(@"^\W*(?:what\s*(?:is|are|'s|’s|s)|tell\s+me\s+about|define)\s+[\w\s’'-]{2,}\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex NamesOwnSubject();

    [GeneratedRegex(@"\b(?:you|your|you're|youre|u|ur|yourself|bot|chatbot)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ToTheBot();

    [GeneratedRegex(@"[\w’'-]+")]
    private static partial Regex Word();

    /// <summary>Words of asking and of grammar, and the verbs questions link a subject with, never the subject itself.</summary>
    [GeneratedRegex(@"^(?:cause|causes|caused|help|helps|work|works|affect|affects|happen|happens|lead|leads|make|makes|treat|treated|diagnosed|prevent|start|starts|used|need|mean|means|damage|common|genetic|quickly|fast|what|whats|what's|which|who|whom|why|how|when|where|is|are|was|were|be|been|do|does|did|can|could|will|would|should|shall|may|might|must|has|have|had|a|an|the|of|in|on|at|to|for|from|with|by|about|after|before|during|and|or|if|it|its|this|that|these|those|there|you|your|i|my|me|we|our|he|his|she|her|they|their|them|get|gets|much|many|more|most|any|some)$", RegexOptions.IgnoreCase)]
    private static partial Regex FunctionWord();

    /// <summary>The words every question here is about: alone they are no subject.</summary>
    [GeneratedRegex(@"^(?:muscle|muscles|muscular|wasting|waste|atrophy|loss|lose|losing)$", RegexOptions.IgnoreCase)]
    private static partial Regex DomainWord();
}
