using Bot.Core.Schema;
using Bot.Web.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Bot.Web.Authentication;

/// <summary>
/// What the Bot Framework checks on top of a signature, lifetime, issuer and audience that Microsoft.IdentityModel
/// validated (botbuilder-dotnet ChannelValidation, EmulatorValidation, EndorsementsValidator), written here because
/// no library does it: which issuers an app type trusts and whose metadata signs them; for channel tokens a signing
/// key endorsed for the activity's channel and a <c>serviceurl</c> claim equal to the activity's; for Entra tokens
/// <c>appid</c> (v1) or <c>azp</c> (v2) equal to the app id.
/// </summary>
public static class BotFrameworkClaims
{
    /// <summary>The issuers trusted for <paramref name="bot"/> in <paramref name="cloud"/>, each with the metadata that publishes its keys.</summary>
    public static IReadOnlyDictionary<string, string> TrustedIssuers(BotCloud cloud, BotOptions bot)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        ArgumentNullException.ThrowIfNull(bot);
        var entra = cloud.EntraIssuers.Concat(bot.ValidTokenIssuers);
        if (bot.MicrosoftAppType is "SingleTenant" or "UserAssignedMSI" && bot.MicrosoftAppTenantId.Length > 0)
        {
            entra = entra.Concat(cloud.TenantIssuers(bot.MicrosoftAppTenantId));
        }

        var issuers = new Dictionary<string, string>(StringComparer.Ordinal) { [cloud.ChannelIssuer] = cloud.ChannelMetadataUrl };
        foreach (var issuer in entra)
        {
            issuers.TryAdd(issuer, cloud.EntraMetadataUrl);
        }

        return issuers;
    }

    /// <summary>Null when the validated <paramref name="token"/> may carry <paramref name="activity"/> to this bot; otherwise why not.</summary>
    public static string? Check(JsonWebToken token, Activity activity, OpenIdConnectConfiguration metadata, BotCloud cloud, string appId)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(cloud);
        if (token.Issuer == cloud.ChannelIssuer)
        {
            if (!Endorsements(metadata, token.Kid).Contains(activity.ChannelId ?? string.Empty, StringComparer.Ordinal))
            {
                return "key not endorsed for the channel";
            }

            return activity.ServiceUrl is not null && token.TryGetPayloadValue<string>("serviceurl", out var serviceUrl)
                && string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase)
                ? null
                : "serviceurl claim does not match the activity";
        }

        var application = token.TryGetPayloadValue<string>("ver", out var version) && version == "2.0" ? "azp" : "appid";
        return token.TryGetPayloadValue<string>(application, out var issuedTo) && issuedTo == appId ? null : "token was not issued to this bot";
    }

    /// <summary>The channels the key <paramref name="keyId"/> may sign for; none when the key has no endorsements (then it signs for none).</summary>
    private static IEnumerable<string> Endorsements(OpenIdConnectConfiguration metadata, string keyId)
    {
        var key = metadata.JsonWebKeySet?.Keys.FirstOrDefault(candidate => candidate.Kid == keyId);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var endorsements))
        {
            return [];
        }

        return endorsements switch
        {
            IEnumerable<object> list => list.OfType<string>(),
            System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Array } array => array.EnumerateArray()
                .Where(item => item.ValueKind == System.Text.Json.JsonValueKind.String).Select(item => item.GetString()!),
            _ => [],
        };
    }
}
