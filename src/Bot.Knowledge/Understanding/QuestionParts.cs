using System.Text.RegularExpressions;

namespace Bot.Knowledge.Understanding;

/// <summary>
/// Finds the questions of a message that asks more than one ("What causes it? And how is it treated?", "what is
/// cachexia and how is it treated"), so each is answered with its own citation. A question is a sentence that ends
/// with '?' or opens with a question word; one sentence holds two when "and" joins a second question word. A message
/// with one question (however much it tells first) has no parts: its statements carry the facts that find its answer.
/// </summary>
public static partial class QuestionParts
{
    /// <summary>Most questions answered from one message; the rest are read with the last.</summary>
    public const int MaxParts = 3;

    private const int MinWords = 3;

    /// <summary>The questions of <paramref name="text"/> when it asks two or more; empty otherwise.</summary>
    public static IReadOnlyList<QuestionPart> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = MessageSentences.Split(text);
        var context = string.Join(' ', sentences.Where(sentence => !IsQuestion(sentence)));
        var questions = Questions(sentences).SelectMany(Joined).Select(question => LeadingConjunction().Replace(question, string.Empty)).ToList();
        if (questions.Count < 2)
        {
            return [];
        }

        if (questions.Count > MaxParts)
        {
            questions = [.. questions.Take(MaxParts - 1), string.Join(' ', questions.Skip(MaxParts - 1))];
        }

        return [.. questions.Select((question, index) =>
            new QuestionPart(question, string.Join(' ', new[] { context, index > 0 && RefersBack().IsMatch(question) ? questions[index - 1] : string.Empty, question }.Where(piece => piece.Length > 0))))];
    }

    /// <summary>
    /// The one question of a message that tells something first ("My dad had polio as a child. His left leg has always
    /// been thinner. Could that be from the polio?"); null when it asks none or several, or tells nothing else.
    /// </summary>
    public static string? Asked(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = MessageSentences.Split(text);
        var questions = Questions(sentences);
        return questions.Count == 1 && sentences.Count > 1 ? questions[0] : null;
    }

    /// <summary>
    /// The question sentences, in order; a question of question words alone asks more of the one before it ("does MS
    /// cause wasting?? how", "… why is that?") and is read with it.
    /// </summary>
    private static List<string> Questions(IEnumerable<string> sentences)
    {
        var questions = new List<string>();
        foreach (var question in sentences.Where(IsQuestion))
        {
            if (questions.Count > 0 && BareAsk().IsMatch(LeadingConjunction().Replace(question, string.Empty)))
            {
                questions[^1] = $"{questions[^1]} {question}";
            }
            else
            {
                questions.Add(question);
            }
        }

        return questions;
    }

    private static bool IsQuestion(string sentence) => sentence.TrimEnd().EndsWith('?') || QuestionWord().IsMatch(sentence);

    /// <summary>The sentence's questions: split where "and" opens a second one, each side long enough to stand alone.</summary>
    private static IEnumerable<string> Joined(string sentence)
    {
        var pieces = SecondQuestion().Split(sentence).Select(piece => piece.Trim().TrimEnd(',')).ToArray();
        return pieces.Length > 1 && pieces.All(piece => piece.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= MinWords) ? pieces : [sentence];
    }

    [GeneratedRegex(@"^\W*(?:how|wh?at|wot|why|y|when|where|which|who|can|could|does|do|did|is|are|r|should|will|would|has|have)\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionWord();

    [GeneratedRegex(@"[,;]?\s+(?:and|an|n|&)\s+(?=(?:how|wh?at|wot|why|when|where|which|who|can|could|does|do|is|are|r|should|will|would)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex SecondQuestion();

    /// <summary>A question of question words alone, asking nothing new: "how", "why?", "how so", "why is that", "how come".</summary>
    [GeneratedRegex(@"^\W*(?:(?:how|why|y|what|wat|when|which|so|come|exactly|then|is|was|that|it|not)\b\W*){1,3}$", RegexOptions.IgnoreCase)]
    private static partial Regex BareAsk();

    /// <summary>"And", "also", "so" or "plus" opening a question that follows another.</summary>
    [GeneratedRegex(@"^\W*(?:and|also|so|plus|but)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingConjunction();

    /// <summary>A question that leans on the one before: "how is it treated", "is that common", "what causes them".</summary>
    [GeneratedRegex(@"\b(?:it|its|it's|this|that|these|those|they|them|their|one)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RefersBack();
}
