using System.Security.Cryptography.X509Certificates;
using Bot.Web.Authentication;
using Bot.Web.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace Bot.Web.Connector;

/// <summary>
/// The bot's own token for calling a channel's connector, on MSAL as the Bot Builder SDK gets it: client credentials
/// (secret or certificate) for MultiTenant bots (tenant botframework.com) and SingleTenant bots (the bot's tenant),
/// the user-assigned managed identity for UserAssignedMSI bots (App Service's identity endpoint or the VM's instance
/// metadata service, which MSAL picks). MSAL caches each token until shortly before it expires (also when the
/// identity endpoint sends no <c>expires_in</c>) and retries the token service's transient failures. Secrets and
/// tokens are never logged.
/// </summary>
public sealed class BotTokenProvider
{
    private readonly BotOptions _bot;
    private readonly BotCloud _cloud;
    private readonly Lazy<Func<CancellationToken, Task<AuthenticationResult>>> _acquire;

    /// <summary>Builds the MSAL application for <paramref name="options"/>; its HTTP goes through <paramref name="http"/>.</summary>
    public BotTokenProvider(IOptions<BotOptions> options, IMsalHttpClientFactory http)
    {
        ArgumentNullException.ThrowIfNull(options);
        _bot = options.Value;
        _cloud = BotCloud.For(_bot.ChannelService);
        _acquire = new(() => Build(http));
    }

    /// <summary>A valid token, or null when the bot runs without an app id.</summary>
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken) =>
        _bot.IsAnonymous ? null : (await _acquire.Value(cancellationToken)).AccessToken;

    private Func<CancellationToken, Task<AuthenticationResult>> Build(IMsalHttpClientFactory http)
    {
        if (_bot.MicrosoftAppType == "UserAssignedMSI")
        {
            var identity = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(_bot.MicrosoftAppId))
                .WithHttpClientFactory(http)
                .Build();
            var resource = _cloud.Scope[..^"/.default".Length];
            return cancellationToken => identity.AcquireTokenForManagedIdentity(resource).ExecuteAsync(cancellationToken);
        }

        var tenant = _bot.MicrosoftAppType == "SingleTenant" ? _bot.MicrosoftAppTenantId : _cloud.DefaultTenant;
        var builder = ConfidentialClientApplicationBuilder.Create(_bot.MicrosoftAppId)
            .WithAuthority($"{_cloud.LoginHost}/{tenant}", validateAuthority: true)
            .WithHttpClientFactory(http);
        builder = _bot.MicrosoftAppCertificatePath.Length > 0
            ? builder.WithCertificate(LoadCertificate(), sendX5C: true)
            : builder.WithClientSecret(_bot.MicrosoftAppPassword);
        var application = builder.Build();
        string[] scopes = [_cloud.Scope];
        return cancellationToken => application.AcquireTokenForClient(scopes).ExecuteAsync(cancellationToken);
    }

    private X509Certificate2 LoadCertificate() =>
        string.Equals(Path.GetExtension(_bot.MicrosoftAppCertificatePath), ".pem", StringComparison.OrdinalIgnoreCase)
            ? X509Certificate2.CreateFromPemFile(_bot.MicrosoftAppCertificatePath)
            : X509CertificateLoader.LoadPkcs12FromFile(_bot.MicrosoftAppCertificatePath, _bot.MicrosoftAppCertificatePassword.Length > 0 ? _bot.MicrosoftAppCertificatePassword : null);
}
