namespace Bot.Core.Analytics;

/// <summary>An answer and the votes on it.</summary>
/// <param name="Question">The question it answered.</param>
/// <param name="Answer">The answer text.</param>
/// <param name="Up">Helpful votes.</param>
/// <param name="Down">Unhelpful votes.</param>
/// <param name="Comments">What voters wrote.</param>
public sealed record RatedAnswer(string Question, string? Answer, int Up, int Down, IReadOnlyList<string> Comments);
