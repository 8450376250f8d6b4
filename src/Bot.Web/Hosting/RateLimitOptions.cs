namespace Bot.Web.Hosting;

/// <summary>
/// Limits for the public endpoints (section <c>RateLimits</c>); 0 turns a limit off. They are kept per process:
/// with several replicas each enforces its own share.
/// </summary>
public sealed record RateLimitOptions
{
    /// <summary>Widget tokens one client address may take per minute.</summary>
    public int TokensPerMinutePerIp { get; init; } = 10;

    /// <summary>Admin API calls one client address may make per minute.</summary>
    public int AdminRequestsPerMinutePerIp { get; init; } = 30;

    /// <summary>Direct Line requests (polls included) one client address may make per minute.</summary>
    public int RequestsPerMinutePerIp { get; init; } = 600;

    /// <summary>Activities one conversation may post per minute.</summary>
    public int ActivitiesPerMinutePerConversation { get; init; } = 30;
}
