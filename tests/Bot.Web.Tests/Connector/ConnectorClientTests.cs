using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Bot.Core.Schema;
using Bot.Web.Connector;
using Bot.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Web.Tests.Connector;

/// <summary>The connector client through the host's own resilience pipeline (<see cref="ConnectorResilience"/>).</summary>
public sealed class ConnectorClientTests : IDisposable
{
    private readonly Connector _connector = new();
    private ServiceProvider? _services;

    public void Dispose()
    {
        _services?.Dispose();
        _connector.Dispose();
    }

    [Fact]
    public async Task Send_TooManyRequestsWithRetryAfter_RetriesAndReturnsTheId()
    {
        _connector.Answers.Enqueue(() => WithRetryAfter(HttpStatusCode.TooManyRequests));

        var id = await Client().SendAsync(Reply(replyToId: null), CancellationToken.None);

        Assert.Equal("a-1", id);
        Assert.Equal(2, _connector.Requests.Count);
        Assert.All(_connector.Requests, uri => Assert.Equal("https://smba.example/teams/v3/conversations/19%3Aabc%40thread/activities", uri.AbsoluteUri));
    }

    [Fact]
    public async Task Send_ServiceUnavailableWithRetryAfter_Retries()
    {
        _connector.Answers.Enqueue(() => WithRetryAfter(HttpStatusCode.ServiceUnavailable));

        Assert.Equal("a-1", await Client().SendAsync(Reply(replyToId: "m1"), CancellationToken.None));
        Assert.Equal(2, _connector.Requests.Count);
    }

    [Fact]
    public async Task Send_RetryAfterLongerThanTheTurnCanWait_GivesUpAtOnce()
    {
        _connector.Answers.Enqueue(() =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromMinutes(2));
            return response;
        });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => Client().SendAsync(Reply(replyToId: "m1"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, failure.StatusCode);
        Assert.Single(_connector.Requests);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.BadRequest)]
    public async Task Send_FailureThatMayHaveBeenProcessed_IsNotSentAgain(HttpStatusCode status)
    {
        _connector.Answers.Enqueue(() => new HttpResponseMessage(status));

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => Client().SendAsync(Reply(replyToId: "m/1"), CancellationToken.None));

        Assert.Equal(status, failure.StatusCode);
        Assert.Equal("https://smba.example/teams/v3/conversations/19%3Aabc%40thread/activities/m%2F1", Assert.Single(_connector.Requests).AbsoluteUri);
    }

    [Fact]
    public async Task Send_Timeout_IsNotSentAgain()
    {
        _connector.Answers.Enqueue(() => throw new InvalidOperationException("unreachable"));
        _connector.Delay = TimeSpan.FromSeconds(5);

        await Assert.ThrowsAsync<HttpRequestException>(() => Client(attemptTimeout: TimeSpan.FromMilliseconds(200)).SendAsync(Reply(replyToId: "m1"), CancellationToken.None));

        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task Send_KeepsFailingWithRetryAfter_CostsAtMostThreeRequests()
    {
        for (var i = 0; i < 10; i++)
        {
            _connector.Answers.Enqueue(() => WithRetryAfter(HttpStatusCode.TooManyRequests));
        }

        await Assert.ThrowsAsync<HttpRequestException>(() => Client().SendAsync(Reply(replyToId: "m1"), CancellationToken.None));

        Assert.Equal(ConnectorResilience.MaxRequests, _connector.Requests.Count);
    }

    [Fact]
    public async Task Send_ConnectionRefused_IsRetriedUpToThreeConnections()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var connects = 0;
        var sockets = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                Interlocked.Increment(ref connects);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var reply = Reply(replyToId: "m1");
        reply.ServiceUrl = $"http://127.0.0.1:{port}/";

        await Assert.ThrowsAsync<HttpRequestException>(() => Client(primary: sockets).SendAsync(reply, CancellationToken.None));

        Assert.Equal(ConnectorResilience.MaxRequests, connects);
    }

    private ConnectorClient Client(TimeSpan? attemptTimeout = null, HttpMessageHandler? primary = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IOptions<BotOptions>>(Options.Create(new BotOptions()));
        services.AddConnector(new ConnectorOptions { AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromMilliseconds(50) });
        services.AddHttpClient<ConnectorClient>().ConfigurePrimaryHttpMessageHandler(() => primary ?? _connector);
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<ConnectorClient>();
    }

    private static Activity Reply(string? replyToId) => new()
    {
        Type = ActivityTypes.Message,
        ServiceUrl = "https://smba.example/teams/",
        Conversation = new ConversationAccount { Id = "19:abc@thread" },
        ReplyToId = replyToId,
        Text = "hi",
    };

    private static HttpResponseMessage WithRetryAfter(HttpStatusCode status)
    {
        var response = new HttpResponseMessage(status);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
        return response;
    }

    /// <summary>Answers each request with the next queued answer, then 200 with an id; keeps the request URIs.</summary>
    private sealed class Connector : HttpMessageHandler
    {
        public Queue<Func<HttpResponseMessage>> Answers { get; } = new();

        public List<Uri> Requests { get; } = [];

        public TimeSpan Delay { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request.RequestUri!);
            await Task.Delay(Delay, cancellationToken);
            return Answers.TryDequeue(out var answer) ? answer() : new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(new { id = "a-1" }) };
        }
    }
}
