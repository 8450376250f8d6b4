using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Web.Tests.DirectLine;

/// <summary>The host with a Direct Line secret, a clock the tests move, and no per-address limit (every test shares one address).</summary>
public sealed class DirectLineHost : IAsyncLifetime, IDisposable
{
    /// <summary>The configured secret.</summary>
    public const string Secret = "test-secret-0123456789abcdef";

    private readonly BotWebFactory _inner = new();

    /// <summary>Moves only when a test says so (token expiry).</summary>
    public ManualClock Clock { get; } = new();

    /// <summary>The host.</summary>
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    /// <summary>A client that authenticates with the secret.</summary>
    public HttpClient SecretClient { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Factory = _inner.WithWebHostBuilder(builder => builder
            .UseSetting("DirectLine:Secret", Secret)
            .UseSetting("RateLimits:ConversationsPerMinutePerIp", "100000")
            .UseSetting("RateLimits:TokensPerMinutePerIp", "100000")
            .ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock)));
        SecretClient = await BotWebFactory.CreateReadyClientAsync(Factory);
        SecretClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
    }

    /// <summary>A client that authenticates with <paramref name="token"/>, or sends no credentials.</summary>
    public HttpClient Client(string? token)
    {
        var client = Factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Starts a conversation with the secret; returns the Conversation object.</summary>
    public async Task<JsonElement> StartAsync()
    {
        var response = await SecretClient.PostAsync(new Uri("/v3/directline/conversations", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public void Dispose()
    {
        SecretClient.Dispose();
        Factory.Dispose();
        _inner.Dispose();
    }
}
