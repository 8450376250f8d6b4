namespace Bot.Web.Connector;

/// <summary>How replies are sent to a channel's connector (section <c>Connector</c>).</summary>
public sealed record ConnectorOptions
{
    /// <summary>How long one request may take before it is abandoned (and, since it may have been processed, not sent again).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait before a retry, whatever Retry-After asks (the channel gives up on the turn after 15 s).</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(5);
}
