using System.Net;
using System.Net.Http.Json;
using Bot.Core.Schema;
using Bot.Web.Connector;
using Bot.Web.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Web.Tests.Connector;

public sealed class ConnectorClientTests : IDisposable
{
    private readonly Connector _connector = new();
    private readonly BotTokenProvider _tokens = new(new HttpClient(), Options.Create(new BotOptions()), TimeProvider.System);

    public void Dispose()
    {
        _tokens.Dispose();
        _connector.Dispose();
    }

    [Fact]
    public async Task Send_TooManyRequestsWithRetryAfter_RetriesAndReturnsTheId()
    {
        _connector.Answers.Enqueue(TooMany());
        var sut = new ConnectorClient(new HttpClient(_connector), _tokens, NullLogger<ConnectorClient>.Instance);

        var id = await sut.SendAsync(Reply(replyToId: null), CancellationToken.None);

        Assert.Equal("a-1", id);
        Assert.Equal(2, _connector.Requests.Count);
        Assert.All(_connector.Requests, uri => Assert.Equal("https://smba.example/teams/v3/conversations/19%3Aabc%40thread/activities", uri.AbsoluteUri));
    }

    [Fact]
    public async Task Send_BadRequest_FailsWithoutRetrying()
    {
        _connector.Answers.Enqueue(new HttpResponseMessage(HttpStatusCode.BadRequest));
        var sut = new ConnectorClient(new HttpClient(_connector), _tokens, NullLogger<ConnectorClient>.Instance);

        await Assert.ThrowsAsync<HttpRequestException>(() => sut.SendAsync(Reply(replyToId: "m/1"), CancellationToken.None));
        Assert.Equal("https://smba.example/teams/v3/conversations/19%3Aabc%40thread/activities/m%2F1", Assert.Single(_connector.Requests).AbsoluteUri);
    }

    private static Activity Reply(string? replyToId) => new()
    {
        Type = ActivityTypes.Message,
        ServiceUrl = "https://smba.example/teams/",
        Conversation = new ConversationAccount { Id = "19:abc@thread" },
        ReplyToId = replyToId,
        Text = "hi",
    };

    private static HttpResponseMessage TooMany()
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
        return response;
    }

    private sealed class Connector : HttpMessageHandler
    {
        public Queue<HttpResponseMessage> Answers { get; } = new();

        public List<Uri> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request.RequestUri!);
            return Task.FromResult(Answers.TryDequeue(out var answer) ? answer : new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(new { id = "a-1" }) });
        }
    }
}
