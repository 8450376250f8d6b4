using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Bot.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Web.Connector;

/// <summary>
/// The bot's own token for calling a channel's connector, scope https://api.botframework.com/.default: Entra client
/// credentials for MultiTenant (tenant botframework.com) and SingleTenant (the bot's tenant) bots, the managed
/// identity for UserAssignedMSI bots. Cached until five minutes before it expires. Secrets and tokens are never logged.
/// </summary>
public sealed class BotTokenProvider(HttpClient http, IOptions<BotOptions> options, TimeProvider clock) : IDisposable
{
    private const string Scope = "https://api.botframework.com/.default";
    private const string Resource = "https://api.botframework.com";
    private static readonly TimeSpan EarlyRenewal = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _renewal = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _cached;

    /// <summary>A valid token, or null when the bot runs without an app id.</summary>
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var bot = options.Value;
        if (bot.IsAnonymous)
        {
            return null;
        }

        if (_cached is { } cached && clock.GetUtcNow() < cached.RenewAt)
        {
            return cached.Token;
        }

        await _renewal.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } renewed && clock.GetUtcNow() < renewed.RenewAt)
            {
                return renewed.Token;
            }

            var response = await RequestAsync(bot, cancellationToken);
            _cached = (response.AccessToken, clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Max(0, response.ExpiresIn)) - EarlyRenewal);
            return response.AccessToken;
        }
        finally
        {
            _renewal.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _renewal.Dispose();

    private async Task<TokenResponse> RequestAsync(BotOptions bot, CancellationToken cancellationToken)
    {
        using var request = bot.MicrosoftAppType switch
        {
            "UserAssignedMSI" => ManagedIdentityRequest(bot),
            _ => new HttpRequestMessage(HttpMethod.Post, new Uri($"https://login.microsoftonline.com/{(bot.MicrosoftAppType == "SingleTenant" ? bot.MicrosoftAppTenantId : "botframework.com")}/oauth2/v2.0/token"))
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = bot.MicrosoftAppId,
                    ["client_secret"] = bot.MicrosoftAppPassword,
                    ["scope"] = Scope,
                }),
            },
        };
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The token service answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        return await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken) is { AccessToken.Length: > 0 } token
            ? token
            : throw new HttpRequestException("The token service sent no token.");
    }

    /// <summary>App Service's identity endpoint when it is there, the instance metadata service otherwise.</summary>
    private static HttpRequestMessage ManagedIdentityRequest(BotOptions bot)
    {
        var clientId = Uri.EscapeDataString(bot.MicrosoftAppId);
        if (Environment.GetEnvironmentVariable("IDENTITY_ENDPOINT") is { Length: > 0 } endpoint && Environment.GetEnvironmentVariable("IDENTITY_HEADER") is { Length: > 0 } secret)
        {
            var appService = new HttpRequestMessage(HttpMethod.Get, new Uri($"{endpoint}?api-version=2019-08-01&resource={Uri.EscapeDataString(Resource)}&client_id={clientId}"));
            appService.Headers.Add("X-IDENTITY-HEADER", secret);
            return appService;
        }

        var imds = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource={Uri.EscapeDataString(Resource)}&client_id={clientId}"));
        imds.Headers.Add("Metadata", "true");
        return imds;
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] long ExpiresIn);
}
