namespace Bot.Web.Authentication;

/// <summary>
/// The Bot Framework's authentication constants (botbuilder-dotnet Microsoft.Bot.Connector/Authentication/
/// AuthenticationConstants.cs and the channel/emulator validation classes), in one place.
/// </summary>
public static class AuthenticationConstants
{
    /// <summary>OpenID metadata for tokens the Bot Framework channel service issues.</summary>
    public const string ChannelMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>OpenID metadata for Entra ID tokens (Emulator, and channels moving to Entra tokens).</summary>
    public const string EntraMetadataUrl = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>The issuer of channel tokens.</summary>
    public const string ChannelIssuer = "https://api.botframework.com";

    /// <summary>How far clocks may disagree when checking a token's lifetime.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>How long fetched signing keys are trusted before they are fetched again.</summary>
    public static readonly TimeSpan KeyRefreshInterval = TimeSpan.FromDays(5);

    /// <summary>The least time between two fetches prompted by an unknown key id.</summary>
    public static readonly TimeSpan UnknownKeyRefreshInterval = TimeSpan.FromMinutes(5);

    /// <summary>The signing algorithms accepted; anything else (none, HS256, …) is refused.</summary>
    public static readonly IReadOnlySet<string> AllowedAlgorithms = new HashSet<string>(StringComparer.Ordinal) { "RS256", "RS384", "RS512" };

    /// <summary>Issuers of Entra tokens for the Bot Framework's own tenants (Emulator tokens).</summary>
    public static readonly IReadOnlyList<string> EntraIssuers =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
    ];

    /// <summary>The Entra issuers of one tenant (v1 and v2 tokens).</summary>
    public static IReadOnlyList<string> TenantIssuers(string tenantId) =>
        [$"https://sts.windows.net/{tenantId}/", $"https://login.microsoftonline.com/{tenantId}/v2.0"];
}
