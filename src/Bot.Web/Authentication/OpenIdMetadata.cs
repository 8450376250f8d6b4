using System.Collections.Concurrent;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Bot.Web.Authentication;

/// <summary>
/// One Microsoft.IdentityModel <see cref="ConfigurationManager{T}"/> per OpenID metadata document (channel service,
/// Entra ID), as the Bot Builder SDK keeps them: it caches the signing keys, refreshes them periodically, keeps the
/// last good keys when a refresh fails, and lets an unknown key id ask for a refresh at most once per
/// <see cref="AuthenticationConstants.UnknownKeyRefreshInterval"/>.
/// </summary>
public sealed class OpenIdMetadata(HttpClient http)
{
    static OpenIdMetadata()
    {
        // A requested refresh is then fetched by the next caller (at most once per refresh interval) instead of in the
        // background, so the token that named a rolled-over key is validated against the new keys, not refused.
        AppContext.SetSwitch("Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking", true);
    }

    private readonly ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> _managers = new(StringComparer.Ordinal);

    /// <summary>The configuration manager for <paramref name="metadataUrl"/>.</summary>
    public ConfigurationManager<OpenIdConnectConfiguration> For(string metadataUrl) =>
        _managers.GetOrAdd(metadataUrl, url => new ConfigurationManager<OpenIdConnectConfiguration>(url, new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever(http))
        {
            RefreshInterval = AuthenticationConstants.UnknownKeyRefreshInterval,
        });
}
