using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Web.Connector;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Web.Tests;

/// <summary>The host in memory, its connector calls answered by <see cref="Connector"/> instead of the network.</summary>
public sealed class BotWebFactory : WebApplicationFactory<Program>
{
    /// <summary>Records what the bot posts to a channel's connector.</summary>
    public RecordingHandler Connector { get; } = new();

    /// <summary>A client for <paramref name="factory"/> (this host or one derived from it), once its index is loaded.</summary>
    public static async Task<HttpClient> CreateReadyClientAsync(WebApplicationFactory<Program> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if ((await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
            {
                return client;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The index did not load.");
    }

    /// <summary>A client for this host, once its index is loaded.</summary>
    public Task<HttpClient> CreateReadyClientAsync() => CreateReadyClientAsync(this);

    /// <summary>Where each host built from this factory keeps its SQLite database (a new file per host) and its index.</summary>
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("bot-web-tests-").FullName;

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Connector:MaxRetryDelay", "00:00:00.050");
        builder.UseSetting("Storage:SqlitePath", Path.Combine(DataFolder, Guid.NewGuid().ToString("N") + ".db"));
        builder.UseSetting("Knowledge:IndexPath", Path.Combine(DataFolder, "index"));
        builder.ConfigureServices(services => services.AddHttpClient<ConnectorClient>().ConfigurePrimaryHttpMessageHandler(() => Connector));
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }
    }

    /// <summary>Answers every request with 200 and an id unless a failure was set for its path, and keeps the requests.</summary>
    public sealed class RecordingHandler : HttpMessageHandler
    {
        private readonly List<(string PathEnd, HttpStatusCode Status, bool RetryAfter)> _failures = [];

        /// <summary>The requests, with their bodies read.</summary>
        public List<(HttpMethod Method, Uri Uri, JsonElement Body, string? Authorization)> Requests { get; } = [];

        /// <summary>
        /// Makes the next message activity (not a typing indicator, which may come first on a slow turn) posted to a path
        /// ending with <paramref name="pathEnd"/> fail with <paramref name="status"/> (and <c>Retry-After: 0</c> when asked).
        /// </summary>
        public void FailNext(string pathEnd, HttpStatusCode status, bool retryAfter = false)
        {
            lock (_failures)
            {
                _failures.Add((pathEnd, status, retryAfter));
            }
        }

        /// <inheritdoc />
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // Read into the content's buffer (not its one-shot stream), as a transport does, so a retry can send it again.
            var body = request.Content is null ? default : JsonSerializer.Deserialize<JsonElement>(await request.Content.ReadAsByteArrayAsync(cancellationToken));
            lock (Requests)
            {
                Requests.Add((request.Method, request.RequestUri!, body, request.Headers.Authorization?.ToString()));
            }

            (string PathEnd, HttpStatusCode Status, bool RetryAfter)? failure;
            lock (_failures)
            {
                var isMessage = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("type", out var type) && type.ValueEquals("message");
                var index = isMessage ? _failures.FindIndex(candidate => request.RequestUri!.AbsolutePath.EndsWith(candidate.PathEnd, StringComparison.Ordinal)) : -1;
                failure = index < 0 ? null : _failures[index];
                if (index >= 0)
                {
                    _failures.RemoveAt(index);
                }
            }

            if (failure is { } failing)
            {
                var response = new HttpResponseMessage(failing.Status);
                if (failing.RetryAfter)
                {
                    response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
                }

                return response;
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(new { id = "sent-1" }) };
        }
    }
}
