namespace Bot.Web.Authentication;

/// <summary>The Bot Framework's token rules that do not depend on the cloud (botbuilder-dotnet AuthenticationConstants).</summary>
public static class AuthenticationConstants
{
    /// <summary>How far clocks may disagree when checking a token's lifetime.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The least time between two metadata fetches prompted by an unknown key id.</summary>
    public static readonly TimeSpan UnknownKeyRefreshInterval = TimeSpan.FromMinutes(5);

    /// <summary>The signing algorithms accepted; anything else (none, HS256, …) is refused.</summary>
    public static readonly IReadOnlyList<string> AllowedAlgorithms = ["RS256", "RS384", "RS512"];
}
