using Bot.Core.Schema;
using Bot.Web.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Bot.Web.Authentication;

/// <summary>
/// Validates the bearer token on an inbound activity as the Bot Builder SDK does: Microsoft.IdentityModel checks an
/// RS256/384/512 signature against the issuer's OpenID metadata (<see cref="OpenIdMetadata"/>), the issuer (the
/// channel service or Entra ID, per <see cref="BotFrameworkClaims.TrustedIssuers"/>), the audience (the app id) and
/// the lifetime within a 5-minute skew; <see cref="BotFrameworkClaims"/> adds the Bot Framework's own checks. When
/// no signing keys can be had (metadata unreachable and none fetched before) the token is refused, never an error.
/// Tokens are never logged.
/// </summary>
public sealed partial class ChannelTokenValidator(OpenIdMetadata metadata, IOptions<BotOptions> options, ILogger<ChannelTokenValidator> logger)
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>Null when <paramref name="authorization"/> authenticates <paramref name="activity"/>; otherwise why not.</summary>
    public async Task<string?> ValidateAsync(string? authorization, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var bot = options.Value;
        var cloud = BotCloud.For(bot.ChannelService);
        var parts = authorization?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts is not { Length: 2 } || !parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return "no bearer token";
        }

        JsonWebToken token;
        try
        {
            token = _handler.ReadJsonWebToken(parts[1]);
        }
        catch (Exception exception) when (exception is ArgumentException or SecurityTokenMalformedException)
        {
            return "malformed token";
        }

        if (token.IsEncrypted)
        {
            return "malformed token";
        }

        var issuers = BotFrameworkClaims.TrustedIssuers(cloud, bot);
        if (!issuers.TryGetValue(token.Issuer, out var metadataUrl))
        {
            return "issuer not trusted";
        }

        var manager = metadata.For(metadataUrl);
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await manager.GetConfigurationAsync(cancellationToken);
            var result = await _handler.ValidateTokenAsync(token, Parameters(configuration, issuers.Keys, bot.MicrosoftAppId));
            if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
            {
                // A key id the cached keys lack: the keys may have rolled over. The manager fetches again at most once per refresh interval.
                manager.RequestRefresh();
                configuration = await manager.GetConfigurationAsync(cancellationToken);
                result = await _handler.ValidateTokenAsync(token, Parameters(configuration, issuers.Keys, bot.MicrosoftAppId));
            }

            if (!result.IsValid)
            {
                return Reason(result.Exception);
            }
        }
        catch (InvalidOperationException exception)
        {
            LogKeysUnavailable(logger, exception, metadataUrl);
            return "signing keys unavailable";
        }

        return BotFrameworkClaims.Check(token, activity, configuration, cloud, bot.MicrosoftAppId);
    }

    private static TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration, IEnumerable<string> issuers, string appId) => new()
    {
        ValidIssuers = issuers,
        ValidAudience = appId,
        ValidAlgorithms = AuthenticationConstants.AllowedAlgorithms,
        IssuerSigningKeys = configuration.SigningKeys,
        TryAllIssuerSigningKeys = false,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ClockSkew = AuthenticationConstants.ClockSkew,
    };

    private static string Reason(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException or SecurityTokenNoExpirationException => "token expired",
        SecurityTokenNotYetValidException => "token not yet valid",
        SecurityTokenInvalidAudienceException => "audience is not this bot",
        SecurityTokenInvalidIssuerException => "issuer not trusted",
        SecurityTokenInvalidAlgorithmException => "algorithm not allowed",
        SecurityTokenSignatureKeyNotFoundException => "signing key unknown",
        SecurityTokenInvalidSignatureException => "signature invalid",
        _ => "token invalid",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "No signing keys from {MetadataUrl}; refusing tokens until they can be fetched")]
    private static partial void LogKeysUnavailable(ILogger logger, Exception exception, string metadataUrl);
}
