namespace Bot.Web.Hosting;

/// <summary>The Bot Framework credentials, read flat from the root of appsettings.json as every Bot Framework template expects.</summary>
public sealed record BotOptions
{
    /// <summary>The bot's Entra app id (for UserAssignedMSI, the identity's client id); empty for local development with the Emulator on this machine.</summary>
    public string MicrosoftAppId { get; init; } = string.Empty;

    /// <summary>The app's client secret (MultiTenant, SingleTenant); never logged.</summary>
    public string MicrosoftAppPassword { get; init; } = string.Empty;

    /// <summary>A PFX or PEM file holding the app's certificate, used instead of <see cref="MicrosoftAppPassword"/>.</summary>
    public string MicrosoftAppCertificatePath { get; init; } = string.Empty;

    /// <summary>The password of <see cref="MicrosoftAppCertificatePath"/>, when it has one; never logged.</summary>
    public string MicrosoftAppCertificatePassword { get; init; } = string.Empty;

    /// <summary>MultiTenant, SingleTenant or UserAssignedMSI.</summary>
    public string MicrosoftAppType { get; init; } = "MultiTenant";

    /// <summary>The bot's tenant, for SingleTenant and UserAssignedMSI.</summary>
    public string MicrosoftAppTenantId { get; init; } = string.Empty;

    /// <summary>Empty for the public cloud, <c>https://botframework.azure.us</c> for the US government cloud (the SDK's setting).</summary>
    public string ChannelService { get; init; } = string.Empty;

    /// <summary>Further Entra issuers whose tokens (for this app id) are accepted, e.g. other tenants an Agents SDK caller uses.</summary>
    public IReadOnlyList<string> ValidTokenIssuers { get; init; } = [];

    /// <summary>Whether channel authentication is off (no app id configured).</summary>
    public bool IsAnonymous => string.IsNullOrWhiteSpace(MicrosoftAppId);
}
