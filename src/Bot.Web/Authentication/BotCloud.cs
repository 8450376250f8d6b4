namespace Bot.Web.Authentication;

/// <summary>
/// The Bot Framework endpoints of one cloud (botbuilder-dotnet AuthenticationConstants and
/// GovernmentAuthenticationConstants): where inbound tokens' keys are published, who issues them, and where the bot
/// gets its own token. Chosen by the <c>ChannelService</c> setting, as the SDK names it.
/// </summary>
/// <param name="ChannelIssuer">The issuer of channel tokens.</param>
/// <param name="ChannelMetadataUrl">OpenID metadata for channel tokens.</param>
/// <param name="EntraMetadataUrl">OpenID metadata for Entra ID tokens (Emulator, and channels that send Entra tokens).</param>
/// <param name="EntraIssuers">Issuers of Entra tokens from the Bot Framework's own tenants.</param>
/// <param name="LoginHost">The Entra ID authority host.</param>
/// <param name="DefaultTenant">The tenant a multi-tenant bot asks for its token.</param>
/// <param name="Scope">The scope of the bot's own token for the channel's connector.</param>
public sealed record BotCloud(
    string ChannelIssuer,
    string ChannelMetadataUrl,
    string EntraMetadataUrl,
    IReadOnlyList<string> EntraIssuers,
    string LoginHost,
    string DefaultTenant,
    string Scope)
{
    /// <summary>The <c>ChannelService</c> value that selects the US government cloud.</summary>
    public const string GovernmentChannelService = "https://botframework.azure.us";

    /// <summary>The public cloud (an empty <c>ChannelService</c>).</summary>
    public static BotCloud Public { get; } = new(
        "https://api.botframework.com",
        "https://login.botframework.com/v1/.well-known/openidconfiguration",
        "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration",
        [
            "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
            "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
            "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
            "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
        ],
        "https://login.microsoftonline.com",
        "botframework.com",
        "https://api.botframework.com/.default");

    /// <summary>The US government cloud (<c>ChannelService</c> <see cref="GovernmentChannelService"/>).</summary>
    public static BotCloud Government { get; } = new(
        "https://api.botframework.us",
        "https://login.botframework.azure.us/v1/.well-known/openidconfiguration",
        "https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0/.well-known/openid-configuration",
        [
            "https://sts.windows.net/cab8a31a-1906-4287-a0d8-4eef66b95f6e/",
            "https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0",
            "https://login.microsoftonline.us/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
            "https://login.microsoftonline.us/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
        ],
        "https://login.microsoftonline.us",
        "MicrosoftServices.onmicrosoft.us",
        "https://api.botframework.us/.default");

    /// <summary>The cloud <paramref name="channelService"/> names; anything but empty or the government value is a configuration error.</summary>
    public static BotCloud For(string? channelService) => channelService?.TrimEnd('/') switch
    {
        null or "" => Public,
        GovernmentChannelService => Government,
        _ => throw new InvalidOperationException($"ChannelService must be empty (public cloud) or {GovernmentChannelService}."),
    };

    /// <summary>The Entra issuers of <paramref name="tenantId"/> (v1 and v2 tokens) in this cloud.</summary>
    public IReadOnlyList<string> TenantIssuers(string tenantId) =>
        [$"https://sts.windows.net/{tenantId}/", $"{LoginHost}/{tenantId}/v2.0"];
}
