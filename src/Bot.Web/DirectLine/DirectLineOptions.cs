namespace Bot.Web.DirectLine;

/// <summary>The self-hosted Direct Line channel (section <c>DirectLine</c>).</summary>
public sealed record DirectLineOptions
{
    /// <summary>
    /// The secret that authorises <c>tokens/generate</c> and server-side callers, and from which tokens' signing key is
    /// derived. Empty: no secret is accepted and tokens are signed with a key made at start-up (one process only).
    /// </summary>
    public string Secret { get; init; } = string.Empty;

    /// <summary>How long a conversation token lasts; clients refresh it every 15 minutes.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Pages that may embed the widget and call Direct Line from a browser (CORS), besides this host's own pages.</summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>Whether <see cref="AllowedOrigins"/> lets a page on <paramref name="origin"/> in (an entry "*" lets any in).</summary>
    public bool AllowsOrigin(string origin) =>
        AllowedOrigins.Any(allowed => allowed == "*" || string.Equals(allowed.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase));

    /// <summary>The bot's display name on Direct Line.</summary>
    public string BotName { get; init; } = "Muscle health assistant";
}
