namespace Bot.Core.Analytics;

/// <summary>One recorded outcome.</summary>
/// <param name="At">When it happened.</param>
/// <param name="ChannelId">The channel.</param>
/// <param name="ConversationId">The conversation, to relate a later clinic request or vote to the question.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Question">The question (for votes: the rated answer's question).</param>
/// <param name="Confidence">The answer's confidence, for answers and votes on them.</param>
/// <param name="Answer">The answer text, for votes.</param>
/// <param name="Comment">What the user wrote with a vote.</param>
/// <param name="Key">Identifies the event across retries (the channel's activity id, the rated answer): a second
/// event with the same key is not recorded. Null: always recorded.</param>
public sealed record AnalyticsEvent(
    DateTimeOffset At,
    string? ChannelId,
    string? ConversationId,
    QuestionOutcome Outcome,
    string Question,
    double? Confidence = null,
    string? Answer = null,
    string? Comment = null,
    string? Key = null);
