using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bot.Core.Schema;
using Bot.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Web.Authentication;

/// <summary>
/// Validates the bearer token on an inbound activity exactly as the Bot Framework protocol requires
/// (botbuilder-dotnet JwtTokenExtractor, ChannelValidation, EmulatorValidation): an RS256/384/512 JWT whose
/// signature verifies with a key from the issuer's OpenID metadata; issuer the Bot Framework channel service, or
/// Entra ID (the Bot Framework tenants, and the bot's own tenant when it is single-tenant); audience the bot's app
/// id; lifetime within a 5-minute skew; for channel tokens, a signing key endorsed for the activity's channel and a
/// <c>serviceurl</c> claim equal to the activity's serviceUrl; for Entra tokens, <c>appid</c> (v1) or <c>azp</c> (v2)
/// equal to the app id. Tokens are never logged.
/// </summary>
public sealed class ChannelTokenValidator(SigningKeyCache keys, IOptions<BotOptions> options, TimeProvider clock)
{
    /// <summary>Null when <paramref name="authorization"/> authenticates <paramref name="activity"/>; otherwise why not.</summary>
    public async Task<string?> ValidateAsync(string? authorization, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var bot = options.Value;
        var parts = authorization?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts is not { Length: 2 } || !parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return "no bearer token";
        }

        var segments = parts[1].Split('.');
        if (segments.Length != 3)
        {
            return "not a signed JWT";
        }

        JsonElement header, claims;
        byte[] signature;
        try
        {
            header = JsonDocument.Parse(Base64Url.DecodeFromChars(segments[0])).RootElement;
            claims = JsonDocument.Parse(Base64Url.DecodeFromChars(segments[1])).RootElement;
            signature = Base64Url.DecodeFromChars(segments[2]);
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return "malformed token";
        }

        if (header.ValueKind != JsonValueKind.Object || claims.ValueKind != JsonValueKind.Object)
        {
            return "malformed token";
        }

        var algorithm = String(header, "alg");
        if (algorithm is null || !AuthenticationConstants.AllowedAlgorithms.Contains(algorithm))
        {
            return "algorithm not allowed";
        }

        var issuer = String(claims, "iss");
        var isChannel = issuer == AuthenticationConstants.ChannelIssuer;
        var entraIssuers = bot.MicrosoftAppType is "SingleTenant" or "UserAssignedMSI" && bot.MicrosoftAppTenantId.Length > 0
            ? [.. AuthenticationConstants.EntraIssuers, .. AuthenticationConstants.TenantIssuers(bot.MicrosoftAppTenantId)]
            : AuthenticationConstants.EntraIssuers;
        if (!isChannel && !entraIssuers.Contains(issuer))
        {
            return "issuer not trusted";
        }

        var metadataUrl = isChannel ? AuthenticationConstants.ChannelMetadataUrl : AuthenticationConstants.EntraMetadataUrl;
        if (String(header, "kid") is not { } keyId || await keys.FindAsync(metadataUrl, keyId, cancellationToken) is not { } key)
        {
            return "signing key unknown";
        }

        if (!Verifies(key, algorithm, Encoding.ASCII.GetBytes(segments[0] + "." + segments[1]), signature))
        {
            return "signature invalid";
        }

        var now = clock.GetUtcNow();
        if (Time(claims, "exp") is not { } expires || now > expires + AuthenticationConstants.ClockSkew)
        {
            return "token expired";
        }

        if (Time(claims, "nbf") is { } notBefore && now < notBefore - AuthenticationConstants.ClockSkew)
        {
            return "token not yet valid";
        }

        if (!Audiences(claims).Contains(bot.MicrosoftAppId, StringComparer.Ordinal))
        {
            return "audience is not this bot";
        }

        if (isChannel)
        {
            if (key.Endorsements.Count > 0 && !key.Endorsements.Contains(activity.ChannelId ?? string.Empty, StringComparer.Ordinal))
            {
                return "key not endorsed for the channel";
            }

            return string.Equals(String(claims, "serviceurl"), activity.ServiceUrl, StringComparison.OrdinalIgnoreCase) && activity.ServiceUrl is not null
                ? null
                : "serviceurl claim does not match the activity";
        }

        var application = String(claims, "ver") == "2.0" ? String(claims, "azp") : String(claims, "appid");
        return application == bot.MicrosoftAppId ? null : "token was not issued to this bot";
    }

    private static bool Verifies(SigningKey key, string algorithm, byte[] data, byte[] signature)
    {
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportParameters(key.Parameters);
        }
        catch (CryptographicException)
        {
            return false;
        }

        var hash = algorithm switch
        {
            "RS384" => HashAlgorithmName.SHA384,
            "RS512" => HashAlgorithmName.SHA512,
            _ => HashAlgorithmName.SHA256,
        };
        return rsa.VerifyData(data, signature, hash, RSASignaturePadding.Pkcs1);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Time(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799))
            : null;

    private static IEnumerable<string?> Audiences(JsonElement claims) =>
        !claims.TryGetProperty("aud", out var audience) ? []
        : audience.ValueKind == JsonValueKind.Array ? audience.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String ? item.GetString() : null)
        : [audience.ValueKind == JsonValueKind.String ? audience.GetString() : null];
}
