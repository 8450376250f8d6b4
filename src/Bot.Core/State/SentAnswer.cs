namespace Bot.Core.State;

/// <summary>What the bot answered in one message, remembered so a vote can be stored with it.</summary>
/// <param name="Question">The question.</param>
/// <param name="Kind">answer, decline, emergency or smalltalk.</param>
/// <param name="Text">The answer text.</param>
/// <param name="Confidence">The answer's confidence.</param>
/// <param name="SourceIds">The cited sources, in citation order.</param>
public sealed record SentAnswer(string Question, string Kind, string Text, double Confidence, IReadOnlyList<string> SourceIds);
