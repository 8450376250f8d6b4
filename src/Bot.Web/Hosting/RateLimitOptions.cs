namespace Bot.Web.Hosting;

/// <summary>
/// Limits for the public endpoints (section <c>RateLimits</c>); 0 turns a limit off. Only what creates something new
/// (tokens, conversations) and the admin API are limited per client address: a clinic's tablets share one address.
/// Everything inside a conversation is limited per conversation, polls apart from and far above the rest. They are
/// kept per process: with several replicas each enforces its own share.
/// </summary>
public sealed record RateLimitOptions
{
    /// <summary>Tokens (widget tokens and <c>tokens/generate</c>) one client address may take per window.</summary>
    public int TokensPerMinutePerIp { get; init; } = 30;

    /// <summary>Direct Line conversations one client address may start per window.</summary>
    public int ConversationsPerMinutePerIp { get; init; } = 30;

    /// <summary>Admin API calls one client address may make per window.</summary>
    public int AdminRequestsPerMinutePerIp { get; init; } = 30;

    /// <summary>Activities one conversation may post per window.</summary>
    public int ActivitiesPerMinutePerConversation { get; init; } = 30;

    /// <summary>Polls (<c>GET …/activities</c>) one conversation may make per window: DirectLineJS polls once a second by default and at most every 200 ms, and stops for good after a refused poll.</summary>
    public int PollsPerMinutePerConversation { get; init; } = 300;

    /// <summary>Other calls about one conversation (token refresh, reconnect, opening the stream) per window.</summary>
    public int RequestsPerMinutePerConversation { get; init; } = 60;

    /// <summary>The window the counts apply to: one minute (tests shorten it).</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);
}
