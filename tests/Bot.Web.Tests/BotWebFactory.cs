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

    /// <summary>Where each host built from this factory keeps its SQLite database (a new file per host).</summary>
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("bot-web-tests-").FullName;

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:SqlitePath", Path.Combine(DataFolder, Guid.NewGuid().ToString("N") + ".db"));
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

    /// <summary>Answers every request with the next queued status (200 when none), and keeps the requests.</summary>
    public sealed class RecordingHandler : HttpMessageHandler
    {
        private readonly Queue<HttpStatusCode> _statuses = new();

        /// <summary>The requests, with their bodies read.</summary>
        public List<(HttpMethod Method, Uri Uri, JsonElement Body, string? Authorization)> Requests { get; } = [];

        /// <summary>Makes the next request fail with <paramref name="status"/>.</summary>
        public void FailNextWith(HttpStatusCode status) => _statuses.Enqueue(status);

        /// <inheritdoc />
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? default : await request.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            lock (Requests)
            {
                Requests.Add((request.Method, request.RequestUri!, body, request.Headers.Authorization?.ToString()));
            }

            var status = _statuses.TryDequeue(out var queued) ? queued : HttpStatusCode.OK;
            return new HttpResponseMessage(status) { Content = JsonContent.Create(new { id = "sent-1" }) };
        }
    }
}
