using Bot.Knowledge.Corpus;

namespace Bot.Core.Analytics;

/// <summary>A question the corpus could not answer: what the corpus lacks.</summary>
/// <param name="Question">Its latest wording.</param>
/// <param name="Count">How often it was asked (same words, ignoring case and end punctuation).</param>
/// <param name="LastAsked">When it was last asked.</param>
public sealed record UnansweredQuestion(string Question, int Count, DateTimeOffset LastAsked)
{
    /// <summary>The question as a new entry of the clinic's questions and answers (<see cref="QaFormat"/>), to paste and complete.</summary>
    public string QaEntry => QaFormat.Entry(Question);
}
