namespace Bot.Core.Schema;

/// <summary>The body that answers an activity sent with <c>deliveryMode: expectReplies</c>.</summary>
/// <param name="Activities">The replies, in order.</param>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);
