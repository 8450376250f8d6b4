namespace Bot.Core.State;

/// <summary>A user's rating of one answer, kept with the answer it rates.</summary>
/// <param name="ChannelId">The channel.</param>
/// <param name="ConversationId">The conversation.</param>
/// <param name="ActivityId">The id of the rated message.</param>
/// <param name="Reaction"><c>like</c> or <c>dislike</c>.</param>
/// <param name="Comment">What the user wrote, if anything.</param>
/// <param name="Answer">The rated answer, when the bot still knows it.</param>
/// <param name="At">When the vote arrived.</param>
public sealed record FeedbackVote(string? ChannelId, string? ConversationId, string? ActivityId, string Reaction, string? Comment, SentAnswer? Answer, DateTimeOffset At);
