namespace Bot.Web.Hosting;

/// <summary>The Bot Framework credentials, read flat from the root of appsettings.json as every Bot Framework template expects.</summary>
public sealed record BotOptions
{
    /// <summary>The bot's Entra app id; empty for local development, when only loopback callers are accepted.</summary>
    public string MicrosoftAppId { get; init; } = string.Empty;

    /// <summary>The app's client secret (MultiTenant, SingleTenant); never logged.</summary>
    public string MicrosoftAppPassword { get; init; } = string.Empty;

    /// <summary>MultiTenant, SingleTenant or UserAssignedMSI.</summary>
    public string MicrosoftAppType { get; init; } = "MultiTenant";

    /// <summary>The bot's tenant, for SingleTenant and UserAssignedMSI.</summary>
    public string MicrosoftAppTenantId { get; init; } = string.Empty;

    /// <summary>Whether channel authentication is off (no app id configured).</summary>
    public bool IsAnonymous => string.IsNullOrWhiteSpace(MicrosoftAppId);
}
