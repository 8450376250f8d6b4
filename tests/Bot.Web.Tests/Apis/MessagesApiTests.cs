using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

using Bot.Core.Analytics;
using Bot.Core.State;
using Bot.Web.Authentication;
using Bot.Web.Connector;
using Bot.Web.Tests.Authentication;

namespace Bot.Web.Tests.Apis;

public sealed class MessagesApiTests : IClassFixture<BotWebFactory>
{
    private readonly BotWebFactory _factory;

    public MessagesApiTests(BotWebFactory factory) => _factory = factory;

    [Fact]
    public async Task Post_ExpectRepliesOnWebChat_ReturnsCitedAnswerWithMessageEntity()
    {
        var client = await _factory.CreateReadyClientAsync();

        var reply = Assert.Single(await ExpectRepliesAsync(client, Message("webchat", "what causes muscle wasting")));

        Assert.Equal("message", reply.GetProperty("type").GetString());
        Assert.Equal("bot", reply.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal("m1", reply.GetProperty("replyToId").GetString());
        Assert.Contains("[1]", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("\n[1]: ", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        var entity = Assert.Single(reply.GetProperty("entities").EnumerateArray());
        Assert.Equal("https://schema.org/Message", entity.GetProperty("type").GetString());
        Assert.Equal(string.Empty, entity.GetProperty("@id").GetString());
        Assert.Equal(1, entity.GetProperty("citation")[0].GetProperty("position").GetInt32());
        Assert.True(entity.GetProperty("citation")[0].GetProperty("appearance").GetProperty("abstract").GetString()!.Length <= 160);
    }

    [Fact]
    public async Task Post_TeamsMessageMentioningTheBot_AnswersTheQuestionWithoutTheMention()
    {
        var client = await _factory.CreateReadyClientAsync();
        var message = Message("msteams", "<at>Muscle Bot</at> what is sarcopenia");
        message["entities"] = new[] { new { type = "mention", text = "<at>Muscle Bot</at>", mentioned = new { id = "bot", name = "Muscle Bot" } } };

        var reply = Assert.Single(await ExpectRepliesAsync(client, message));

        var entity = Assert.Single(reply.GetProperty("entities").EnumerateArray());
        Assert.False(entity.TryGetProperty("@id", out _));
        Assert.Contains("sarcopenia", reply.GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Post_TellMeMore_CitesPassagesNotCitedBefore()
    {
        var client = await _factory.CreateReadyClientAsync();
        var conversation = Guid.NewGuid().ToString();

        var first = Assert.Single(await ExpectRepliesAsync(client, Message("emulator", "what causes muscle wasting", conversation)));
        var more = Assert.Single(await ExpectRepliesAsync(client, Message("emulator", "tell me more", conversation, id: "m2")));

        Assert.Contains("Sources:", more.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(first.GetProperty("text").GetString(), more.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Post_TalkToTheClinic_GivesTheConfiguredContactDetails()
    {
        var client = await _factory.CreateReadyClientAsync();

        var reply = Assert.Single(await ExpectRepliesAsync(client, Message("webchat", "Talk to the clinic")));

        Assert.Equal(
            "To reach Riverside Muscle Clinic (demo), call 555-0100, e-mail appointments@riverside-clinic.example or visit https://riverside-clinic.example/contact. Opening hours: Monday to Friday 8 am to 6 pm, Saturday 9 am to 12 noon.",
            reply.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Post_QuestionTheArticlesDoNotAnswer_DeclinesWithTheConfiguredContact()
    {
        var client = await _factory.CreateReadyClientAsync();

        var reply = Assert.Single(await ExpectRepliesAsync(client, Message("webchat", "how do I renew my passport")));

        Assert.Contains("call 555-0100", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MemberJoins_WelcomesWithNoticeOnlyForOthersThanTheBot()
    {
        var client = await _factory.CreateReadyClientAsync();
        var update = Message("webchat", string.Empty);
        update["type"] = "conversationUpdate";
        update["membersAdded"] = new[] { new { id = "u1" } };
        var botOnly = Message("webchat", string.Empty);
        botOnly["type"] = "conversationUpdate";
        botOnly["membersAdded"] = new[] { new { id = "bot" } };

        var welcome = Assert.Single(await ExpectRepliesAsync(client, update));

        Assert.Contains("not medical advice", welcome.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(welcome.TryGetProperty("replyToId", out _));
        Assert.Empty(await ExpectRepliesAsync(client, botOnly));
    }

    [Fact]
    public async Task Post_WithoutExpectReplies_RepliesThroughTheConnectorAtServiceUrl()
    {
        var client = await _factory.CreateReadyClientAsync();
        var conversation = "conv/" + Guid.NewGuid().ToString("N");
        var message = Message("emulator", "what is sarcopenia", conversation);
        message.Remove("deliveryMode");
        var replyUrl = $"{ConnectorUrl}v3/conversations/{Uri.EscapeDataString(conversation)}/activities/m1";
        _factory.Connector.FailNext($"{Uri.EscapeDataString(conversation)}/activities/m1", HttpStatusCode.ServiceUnavailable, retryAfter: true);

        var response = await client.PostAsJsonAsync("/api/messages", message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Sent(replyUrl).Where(request => request.Body.GetProperty("type").GetString() == "message").ToList();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, request => Assert.Contains("[1]", request.Body.GetProperty("text").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_ConnectorAnswers500_TheReplyIsNotSentAgain()
    {
        var client = await _factory.CreateReadyClientAsync();
        var conversation = Guid.NewGuid().ToString("N");
        var message = Message("emulator", "what is sarcopenia", conversation);
        message.Remove("deliveryMode");
        _factory.Connector.FailNext($"{conversation}/activities/m1", HttpStatusCode.InternalServerError);

        var response = await client.PostAsJsonAsync("/api/messages", message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(Sent($"{ConnectorUrl}v3/conversations/{conversation}/activities/m1"), request => request.Body.TryGetProperty("text", out var text) && text.GetString()!.Contains("[1]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://169.254.169.254/")]
    [InlineData("http://10.0.0.5/")]
    [InlineData("https://attacker.example/")]
    [InlineData("http://localhost.attacker.example/")]
    [InlineData("gopher://127.0.0.1/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a url")]
    public async Task Post_AnonymousWithAServiceUrlOffThisMachine_Is400AndSendsNothing(string serviceUrl)
    {
        var client = await _factory.CreateReadyClientAsync();
        var conversation = Guid.NewGuid().ToString("N");
        var message = Message("emulator", "what is sarcopenia", conversation);
        message.Remove("deliveryMode");
        message["serviceUrl"] = serviceUrl;

        var response = await client.PostAsJsonAsync("/api/messages", message);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadServiceUrl", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
        lock (_factory.Connector.Requests)
        {
            Assert.DoesNotContain(_factory.Connector.Requests, request => request.Uri.AbsoluteUri.Contains(conversation, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("Forwarded", "for=203.0.113.7;proto=https")]
    [InlineData("X-Forwarded-Host", "bot.devtunnels.example")]
    [InlineData("X-Forwarded-Proto", "https")]
    public async Task Post_AnonymousThroughAProxy_Is401(string header, string value)
    {
        var client = await _factory.CreateReadyClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(Message("emulator", "what is sarcopenia")) };
        request.Headers.TryAddWithoutValidation(header, value);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"feedbackText\":\"too vague\"}")]
    [InlineData(null)]
    public async Task Post_FeedbackInvoke_Is200AndStoredWithTheRatedAnswer(string? teamsFeedbackString)
    {
        var client = await _factory.CreateReadyClientAsync();
        var conversation = Guid.NewGuid().ToString();
        var question = Message("msteams", "what is sarcopenia", conversation);
        question.Remove("deliveryMode");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/messages", question)).StatusCode);
        var sentAnswer = _factory.Connector.Requests.Last(request => request.Uri.AbsolutePath.Contains(conversation, StringComparison.Ordinal));
        Assert.Equal("default", sentAnswer.Body.GetProperty("channelData").GetProperty("feedbackLoop").GetProperty("type").GetString());
        var vote = Message("msteams", string.Empty, conversation);
        vote["type"] = "invoke";
        vote["name"] = "message/submitAction";
        vote["replyToId"] = "sent-1";
        vote["value"] = new { actionName = "feedback", actionValue = new { reaction = "dislike", feedback = (object?)teamsFeedbackString ?? new { feedbackText = "too vague" } } };

        var response = await client.PostAsJsonAsync("/api/messages", vote);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
        var stored = (await _factory.Services.GetRequiredService<IAnalyticsStore>().ListAsync(DateTimeOffset.MinValue, CancellationToken.None)).Last(recorded => recorded.ConversationId == conversation);
        Assert.Equal((QuestionOutcome.RatedDown, "too vague", "what is sarcopenia"), (stored.Outcome, stored.Comment, stored.Question));
        Assert.Contains("sarcopenia", stored.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SameActivityDeliveredTwice_IsAnsweredOnce()
    {
        var client = await _factory.CreateReadyClientAsync();
        var conversation = Guid.NewGuid().ToString();
        var message = Message("msteams", "what is sarcopenia", conversation);
        message.Remove("deliveryMode");

        var first = await client.PostAsJsonAsync("/api/messages", message);
        var retry = await client.PostAsJsonAsync("/api/messages", message);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        Assert.Single(_factory.Connector.Requests, request => request.Uri.AbsolutePath.Contains(conversation, StringComparison.Ordinal) && request.Body.GetProperty("type").GetString() == "message");
    }

    [Fact]
    public async Task Post_TurnFails_ApologisesWithoutLeakingInternals()
    {
        await using var broken = _factory.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<IStorage, FailingStorage>()));
        var response = await PostAsync(await BotWebFactory.CreateReadyClientAsync(broken), Message("webchat", "what is sarcopenia"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Sorry, something went wrong", body, StringComparison.Ordinal);
        Assert.DoesNotContain("disk on fire", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_InvokeNobodyHandles_Is501()
    {
        var client = await _factory.CreateReadyClientAsync();
        var invoke = Message("msteams", string.Empty);
        invoke["type"] = "invoke";
        invoke["name"] = "composeExtension/query";

        Assert.Equal(HttpStatusCode.NotImplemented, (await client.PostAsJsonAsync("/api/messages", invoke)).StatusCode);
    }

    [Theory]
    [InlineData("{\"type\":", HttpStatusCode.BadRequest, "BadJson")]
    [InlineData("{\"text\":\"hi\"}", HttpStatusCode.BadRequest, "MissingType")]
    [InlineData("[1,2,3]", HttpStatusCode.BadRequest, "BadJson")]
    [InlineData("{\"type\":\"message\",\"text\":\"\\uD800\",\"channelData\":" + "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]" + "}", HttpStatusCode.BadRequest, "BadJson")]
    public async Task Post_BadBody_IsRejectedWithAClearError(string body, HttpStatusCode status, string code)
    {
        var client = await _factory.CreateReadyClientAsync();

        var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(status, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.DoesNotContain("   at ", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_OversizedBody_Is413()
    {
        var client = await _factory.CreateReadyClientAsync();
        var body = "{\"type\":\"message\",\"text\":\"" + new string('a', 300_000) + "\"}";

        var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_NotJson_Is415()
    {
        var client = await _factory.CreateReadyClientAsync();

        var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent("type=message", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Post_UnknownActivityType_IsAcceptedAndIgnored()
    {
        var client = await _factory.CreateReadyClientAsync();
        var message = Message("webchat", "hello");
        message["type"] = "somethingNew";

        Assert.Empty(await ExpectRepliesAsync(client, message));
    }

    [Fact]
    public async Task Post_AnonymousFromAnotherMachine_Is401()
    {
        await using var remote = _factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new RemoteAddressFilter(IPAddress.Parse("203.0.113.7")))));
        var client = remote.CreateClient();

        var response = await client.PostAsJsonAsync("/api/messages", Message("webchat", "what is sarcopenia"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_AppIdConfiguredAndNoToken_Is401()
    {
        await using var secured = _factory.WithWebHostBuilder(builder => builder.UseSetting("MicrosoftAppId", "11111111-2222-3333-4444-555555555555").UseSetting("MicrosoftAppPassword", "test-secret"));
        var client = secured.CreateClient();

        var response = await client.PostAsJsonAsync("/api/messages", Message("webchat", "what is sarcopenia"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_AppIdConfiguredWithValidChannelToken_AnswersAndWithForgedTokenIs401()
    {
        using var issuer = new TokenIssuer();
        await using var secured = _factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("MicrosoftAppId", TokenIssuer.AppId);
            builder.UseSetting("MicrosoftAppPassword", "test-secret");
            builder.ConfigureServices(services =>
            {
                services.AddHttpClient(AuthenticationServiceExtensions.MetadataClient).ConfigurePrimaryHttpMessageHandler(() => issuer);
                services.AddHttpClient(MsalHttpClientFactory.ClientName).ConfigurePrimaryHttpMessageHandler(() => new StaticTokenEndpoint());
            });
        });
        var client = await BotWebFactory.CreateReadyClientAsync(secured);
        var message = Message("msteams", "what is sarcopenia");
        message["serviceUrl"] = TokenIssuer.ServiceUrl;
        using var forger = System.Security.Cryptography.RSA.Create(2048);

        message["conversation"] = new { id = "secured-conversation" };
        message.Remove("deliveryMode");

        var valid = await PostAsync(client, message, issuer.Token());
        var forged = await PostAsync(client, message, issuer.Token(signWith: forger));

        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        var reply = Assert.Single(_factory.Connector.Requests, request => request.Uri.AbsolutePath.Contains("secured-conversation", StringComparison.Ordinal) && request.Body.GetProperty("type").GetString() == "message");
        Assert.StartsWith(TokenIssuer.ServiceUrl + "v3/conversations/", reply.Uri.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal("Bearer bot-token", reply.Authorization);
    }

    [Fact]
    public async Task Post_SigningKeysUnreachable_Is401NotAServerError()
    {
        using var issuer = new TokenIssuer { Unreachable = true };
        await using var secured = _factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("MicrosoftAppId", TokenIssuer.AppId);
            builder.UseSetting("MicrosoftAppPassword", "test-secret");
            builder.ConfigureServices(services => services.AddHttpClient(AuthenticationServiceExtensions.MetadataClient).ConfigurePrimaryHttpMessageHandler(() => issuer));
        });
        var client = await BotWebFactory.CreateReadyClientAsync(secured);
        var message = Message("msteams", "what is sarcopenia");
        message["serviceUrl"] = TokenIssuer.ServiceUrl;

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => PostAsync(client, message, issuer.Token())));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode));
    }

    /// <summary>Posts <paramref name="activity"/> to /api/messages, with a bearer token when one is given.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, object activity, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        request.Headers.Authorization = token is null ? null : new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    /// <summary>The Emulator's connector on this machine (answered by the factory's recording handler, never contacted).</summary>
    private const string ConnectorUrl = "http://127.0.0.1:9/base/";

    private List<(HttpMethod Method, Uri Uri, JsonElement Body, string? Authorization)> Sent(string url)
    {
        lock (_factory.Connector.Requests)
        {
            return [.. _factory.Connector.Requests.Where(request => request.Uri.AbsoluteUri == url)];
        }
    }

    private static Dictionary<string, object?> Message(string channelId, string text, string? conversation = null, string id = "m1") => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["channelId"] = channelId,
        ["serviceUrl"] = ConnectorUrl,
        ["from"] = new { id = "u1", name = "Pat" },
        ["recipient"] = new { id = "bot", name = "Muscle Bot" },
        ["conversation"] = new { id = conversation ?? Guid.NewGuid().ToString() },
        ["text"] = text,
        ["deliveryMode"] = "expectReplies",
    };

    private static async Task<List<JsonElement>> ExpectRepliesAsync(HttpClient client, object activity)
    {
        var response = await client.PostAsJsonAsync("/api/messages", activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("activities").EnumerateArray()];
    }

    private sealed class FailingStorage : IStorage
    {
        public Task<T?> ReadAsync<T>(string key, CancellationToken cancellationToken) => throw new IOException("disk on fire");

        public Task WriteAsync<T>(string key, T item, CancellationToken cancellationToken) => throw new IOException("disk on fire");
    }

    private sealed class StaticTokenEndpoint : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(new { token_type = "Bearer", expires_in = 3600, access_token = "bot-token" }) });
    }

    private sealed class RemoteAddressFilter(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, Func<Task> nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware();
            });
            next(app);
        };
    }
}
