namespace Bot.Knowledge.Answers;

/// <summary>The reply to one message, the same for every channel.</summary>
/// <param name="Question">The message as received.</param>
/// <param name="Kind">Answer, decline, emergency or small talk.</param>
/// <param name="Text">Plain text to show; for answers, the cited sentences with [n] markers.</param>
/// <param name="Citations">The sources behind the text, numbered as in it.</param>
/// <param name="Confidence">0 to 1: how much of the question the best passage covers; 1 for rule-based replies.</param>
/// <param name="FollowUps">Up to three related topics to offer next.</param>
public sealed record Answer(string Question, AnswerKind Kind, string Text, IReadOnlyList<Citation> Citations, double Confidence, IReadOnlyList<string> FollowUps);
