using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Bot.Web.Tests.DirectLine;

public sealed class DirectLineApiTests(DirectLineHost host) : IClassFixture<DirectLineHost>
{
    [Fact]
    public async Task StartConversation_WithSecret_Returns201WithTokenStreamUrlAndWelcome()
    {
        var response = await host.SecretClient.PostAsync(Url("conversations"), null);
        var conversation = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = conversation.GetProperty("conversationId").GetString()!;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(conversation.GetProperty("expires_in").GetInt32() > 0);
        Assert.StartsWith($"ws://localhost/v3/directline/conversations/{id}/stream?t=", conversation.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
        var set = await GetActivitiesAsync(host.Client(conversation.GetProperty("token").GetString()), id, watermark: null);
        var welcome = Assert.Single(set.GetProperty("activities").EnumerateArray());
        Assert.Equal("bot", welcome.GetProperty("from").GetProperty("role").GetString());
        Assert.Contains("not medical advice", welcome.GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("0", set.GetProperty("watermark").GetString());
    }

    [Fact]
    public async Task StartConversation_WithGeneratedTokenTwice_Returns201Then200ForTheSameConversation()
    {
        var generated = await (await host.SecretClient.PostAsJsonAsync(Url("tokens/generate"), new { user = new { id = "dl_patient" } })).Content.ReadFromJsonAsync<JsonElement>();
        var client = host.Client(generated.GetProperty("token").GetString());

        var first = await client.PostAsync(Url("conversations"), null);
        var second = await client.PostAsync(Url("conversations"), null);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var started = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(generated.GetProperty("conversationId").GetString(), started.GetProperty("conversationId").GetString());
    }

    [Fact]
    public async Task PostActivity_Message_EchoesItWithItsIdAndChannelDataThenRepliesWithCitations()
    {
        var (client, id) = await StartWithTokenAsync();

        var posted = await client.PostAsJsonAsync(Url($"conversations/{id}/activities"), new
        {
            type = "message",
            from = new { id = "someone-else", name = "Pat" },
            text = "what is sarcopenia",
            channelData = new { clientActivityID = "c-42", nested = new { keep = true } },
        });
        var activityId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var set = await GetActivitiesAsync(client, id, watermark: "0");

        var activities = set.GetProperty("activities").EnumerateArray().ToList();
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(2, activities.Count);
        Assert.Equal(activityId, activities[0].GetProperty("id").GetString());
        Assert.Equal("c-42", activities[0].GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.True(activities[0].GetProperty("channelData").GetProperty("nested").GetProperty("keep").GetBoolean());
        Assert.NotEqual("someone-else", activities[0].GetProperty("from").GetProperty("id").GetString());
        Assert.Equal(activityId, activities[1].GetProperty("replyToId").GetString());
        Assert.Equal("https://schema.org/Message", activities[1].GetProperty("entities")[0].GetProperty("type").GetString());
        Assert.Contains("[1]", activities[1].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("2", set.GetProperty("watermark").GetString());
    }

    [Fact]
    public async Task PostActivity_RetriedWithSameClientActivityId_IsStoredAndAnsweredOnce()
    {
        var (client, id) = await StartWithTokenAsync();
        var message = new { type = "message", text = "what is sarcopenia", channelData = new { clientActivityID = "retry-1" } };

        var first = await client.PostAsJsonAsync(Url($"conversations/{id}/activities"), message);
        var retry = await client.PostAsJsonAsync(Url($"conversations/{id}/activities"), message);

        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal(firstId, (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        Assert.Equal(3, (await GetActivitiesAsync(client, id, watermark: null)).GetProperty("activities").GetArrayLength());
    }

    [Fact]
    public async Task GetActivities_AfterLatestWatermark_ReturnsNothingNew()
    {
        var (client, id) = await StartWithTokenAsync();
        await PostMessageAsync(client, id, "what causes muscle wasting");

        var set = await GetActivitiesAsync(client, id, watermark: "2");

        Assert.Empty(set.GetProperty("activities").EnumerateArray());
        Assert.Equal("2", set.GetProperty("watermark").GetString());
    }

    [Fact]
    public async Task Reconnect_WithWatermark_ReturnsTokenAndStreamUrlResumingThere()
    {
        var (client, id) = await StartWithTokenAsync();

        var response = await client.GetAsync(Url($"conversations/{id}?watermark=0"));
        var conversation = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(conversation.GetProperty("token").GetString()));
        Assert.EndsWith("&watermark=0", conversation.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshToken_BeforeExpiry_GivesTokenThatOutlivesTheOld()
    {
        var (client, id) = await StartWithTokenAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(50));

        var refreshed = await (await client.PostAsync(Url("tokens/refresh"), null)).Content.ReadFromJsonAsync<JsonElement>();
        host.Clock.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(id, refreshed.GetProperty("conversationId").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Url($"conversations/{id}/activities"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client(refreshed.GetProperty("token").GetString()).GetAsync(Url($"conversations/{id}/activities"))).StatusCode);
    }

    [Fact]
    public async Task GetActivities_ExpiredToken_Returns403TokenExpired()
    {
        var (client, id) = await StartWithTokenAsync();
        host.Clock.Advance(TimeSpan.FromHours(2));

        var response = await client.GetAsync(Url($"conversations/{id}/activities"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("TokenExpired", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(Url("tokens/refresh"), null)).StatusCode);
    }

    [Fact]
    public async Task GetActivities_AnotherConversationsToken_Returns403AndNoActivities()
    {
        var (mine, _) = await StartWithTokenAsync();
        var (_, theirs) = await StartWithTokenAsync();

        var read = await mine.GetAsync(Url($"conversations/{theirs}/activities"));
        var posted = await mine.PostAsJsonAsync(Url($"conversations/{theirs}/activities"), new { type = "message", text = "hello" });

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.DoesNotContain("activities", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("not-a-token", HttpStatusCode.Forbidden)]
    [InlineData("eyJjIjoieCJ9.AAAA", HttpStatusCode.Forbidden)]
    public async Task GetActivities_MissingOrForgedCredentials_AreRefused(string? token, HttpStatusCode expected)
    {
        var (_, id) = await StartWithTokenAsync();

        var response = await host.Client(token).GetAsync(Url($"conversations/{id}/activities"));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task GetActivities_TokenWithAlteredConversation_Returns403()
    {
        var (client, id) = await StartWithTokenAsync();
        var token = client.DefaultRequestHeaders.Authorization!.Parameter!;
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var claims = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(token.AsSpan(0, dot)));
        var (_, other) = await StartWithTokenAsync();
        var forged = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims.Replace(id, other, StringComparison.Ordinal))) + token[dot..];

        var response = await host.Client(forged).GetAsync(Url($"conversations/{other}/activities"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task GenerateToken_WithTokenInsteadOfSecret_Returns403()
    {
        var (client, _) = await StartWithTokenAsync();

        var response = await client.PostAsync(Url("tokens/generate"), null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task GetConversation_Unknown_Returns404()
    {
        var response = await host.SecretClient.GetAsync(Url("conversations/no-such-conversation/activities"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"type\":\"message\",\"text\":", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"conversationUpdate\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"text\":\"no type\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("[1,2,3]", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\"}", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    public async Task PostActivity_BadInput_GetsClearErrorAndStoresNothing(string body, string contentType, HttpStatusCode expected)
    {
        var (client, id) = await StartWithTokenAsync();

        var response = await client.PostAsync(Url($"conversations/{id}/activities"), new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains("\"error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single((await GetActivitiesAsync(client, id, watermark: null)).GetProperty("activities").EnumerateArray());
    }

    [Theory]
    [InlineData("{\"type\":\"message\",\"text\":\"\\uD800 lone surrogate\"}")]
    [InlineData("{\"type\":\"message\",\"text\":\"\u202Eesrever\u200B\u0000<script>alert(1)</script>\"}")]
    [InlineData("{\"type\":\"message\",\"text\":\"\\u0000\\u0001 \\uFFFF\"}")]
    [InlineData("{\"type\":\"message\",\"text\":12,\"channelData\":\"x\"}")]
    [InlineData("{\"type\":\"invoke\",\"name\":\"message/submitAction\",\"value\":{\"actionName\":\"feedback\",\"actionValue\":{\"reaction\":[]}}}")]
    public async Task PostActivity_HostileInput_GetsAClearAnswerAndTheConversationGoesOn(string body)
    {
        var (client, id) = await StartWithTokenAsync();

        var response = await client.PostAsync(Url($"conversations/{id}/activities"), new StringContent(body, Encoding.UTF8, "application/json"));
        var next = await PostMessageAsync(client, id, "what is sarcopenia");

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{response.StatusCode}");
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var activities = (await GetActivitiesAsync(client, id, watermark: null)).GetProperty("activities").EnumerateArray().ToList();
        Assert.Equal(next, activities[^1].GetProperty("replyToId").GetString());
    }

    [Fact]
    public async Task PostActivity_OverThePerConversationLimit_Returns429()
    {
        var (client, id) = await StartWithTokenAsync();
        for (var i = 0; i < new Bot.Web.Hosting.RateLimitOptions().ActivitiesPerMinutePerConversation; i++)
        {
            await PostMessageAsync(client, id, "hello");
        }

        var refused = await client.PostAsJsonAsync(Url($"conversations/{id}/activities"), new { type = "message", text = "hello" });
        var (other, otherId) = await StartWithTokenAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsJsonAsync(Url($"conversations/{otherId}/activities"), new { type = "message", text = "hello" })).StatusCode);
    }

    [Fact]
    public async Task PostActivity_Oversized_Returns413()
    {
        var (client, id) = await StartWithTokenAsync();

        var response = await client.PostAsJsonAsync(Url($"conversations/{id}/activities"), new { type = "message", text = new string('a', 300_000) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Upload_Attachment_Returns415AndStoresNothing()
    {
        var (client, id) = await StartWithTokenAsync();
        using var form = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "scan.png" } };

        var response = await client.PostAsync(Url($"conversations/{id}/upload?userId=user"), form);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Single((await GetActivitiesAsync(client, id, watermark: null)).GetProperty("activities").EnumerateArray());
    }

    [Fact]
    public async Task Stream_AfterPost_DeliversEchoAndReplyAsActivitySets()
    {
        var (client, id) = await StartWithTokenAsync();
        var streamUrl = (await (await client.GetAsync(Url($"conversations/{id}?watermark=0"))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamUrl").GetString()!;
        using var socket = await host.Factory.Server.CreateWebSocketClient().ConnectAsync(new Uri(streamUrl), CancellationToken.None);

        var posted = await PostMessageAsync(client, id, "what is sarcopenia");
        var received = new List<JsonElement>();
        var buffer = new byte[256 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (received.Count < 2)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            using var frame = JsonDocument.Parse(buffer.AsMemory(0, result.Count));
            received.AddRange(frame.RootElement.GetProperty("activities").EnumerateArray().Select(activity => activity.Clone()));
        }

        Assert.Equal(posted, received[0].GetProperty("id").GetString());
        Assert.Equal(posted, received[1].GetProperty("replyToId").GetString());
    }

    [Fact]
    public async Task Stream_ClientCloses_ServerCompletesTheCloseHandshake()
    {
        var (client, id) = await StartWithTokenAsync();
        var streamUrl = (await (await client.GetAsync(Url($"conversations/{id}"))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamUrl").GetString()!;
        using var socket = await host.Factory.Server.CreateWebSocketClient().ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        var welcome = await socket.ReceiveAsync(new byte[64 * 1024], CancellationToken.None);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, null, timeout.Token);

        Assert.Equal(System.Net.WebSockets.WebSocketMessageType.Text, welcome.MessageType);
        Assert.Equal(System.Net.WebSockets.WebSocketState.Closed, socket.State);
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
    }

    [Fact]
    public async Task Stream_UrlForAnotherConversation_IsRefused()
    {
        var (client, _) = await StartWithTokenAsync();
        var (_, other) = await StartWithTokenAsync();
        var streamUrl = (await (await client.PostAsync(Url("conversations"), null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamUrl").GetString()!;
        var foreign = streamUrl.Replace(streamUrl.Split('/')[6], other, StringComparison.Ordinal);

        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => host.Factory.Server.CreateWebSocketClient().ConnectAsync(new Uri(foreign), CancellationToken.None));
    }

    private static Uri Url(string path) => new($"/v3/directline/{path}", UriKind.Relative);

    private static async Task<JsonElement> GetActivitiesAsync(HttpClient client, string id, string? watermark)
    {
        var response = await client.GetAsync(Url($"conversations/{id}/activities" + (watermark is null ? string.Empty : $"?watermark={watermark}")));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string> PostMessageAsync(HttpClient client, string id, string text)
    {
        var response = await client.PostAsJsonAsync(Url($"conversations/{id}/activities"), new { type = "message", from = new { id = "user" }, text });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>A conversation started with a token from tokens/generate, and a client holding that token.</summary>
    private async Task<(HttpClient Client, string Id)> StartWithTokenAsync()
    {
        var generated = await (await host.SecretClient.PostAsync(Url("tokens/generate"), null)).Content.ReadFromJsonAsync<JsonElement>();
        var client = host.Client(generated.GetProperty("token").GetString());
        (await client.PostAsync(Url("conversations"), null)).EnsureSuccessStatusCode();
        return (client, generated.GetProperty("conversationId").GetString()!);
    }
}
