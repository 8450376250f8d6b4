using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Bot.Web.Tests.DirectLine;

/// <summary>Direct Line's limits: per conversation for what happens inside one (polls apart), per address only for starting.</summary>
public sealed class RateLimitTests : IClassFixture<BotWebFactory>
{
    private const string Secret = "rate-limit-secret";
    private readonly BotWebFactory _factory;

    public RateLimitTests(BotWebFactory factory) => _factory = factory;

    [Fact]
    public async Task Poll_OverThePollLimit_Is429WithRetryAfterAsADateAndLeavesPostsAndOtherConversationsAlone()
    {
        await using var host = Host(("RateLimits:PollsPerMinutePerConversation", "3"));
        var secret = await SecretClientAsync(host);
        var (client, id) = await StartAsync(host, secret);
        var (other, otherId) = await StartAsync(host, secret);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/v3/directline/conversations/{id}/activities", UriKind.Relative))).StatusCode);
        }

        var refused = await client.GetAsync(new Uri($"/v3/directline/conversations/{id}/activities", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAt = refused.Headers.RetryAfter?.Date;
        Assert.NotNull(retryAt);
        Assert.InRange(retryAt.Value, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddSeconds(62));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync(new Uri($"/v3/directline/conversations/{id}/activities", UriKind.Relative), new { type = "message", text = "hello" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(new Uri($"/v3/directline/conversations/{otherId}/activities", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task StartConversation_OverThePerAddressLimit_Is429ButRunningConversationsGoOn()
    {
        await using var host = Host(("RateLimits:ConversationsPerMinutePerIp", "2"));
        var secret = await SecretClientAsync(host);
        var (client, id) = await StartAsync(host, secret);
        await StartAsync(host, secret);

        var refused = await secret.PostAsync(new Uri("/v3/directline/conversations", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/v3/directline/conversations/{id}/activities", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync(new Uri($"/v3/directline/conversations/{id}/activities", UriKind.Relative), new { type = "message", text = "hello" })).StatusCode);
    }

    /// <summary>
    /// The audit's waiting room with the shipped limits: 12 tablets behind one address, each polling every second as
    /// DirectLineJS does and asking a question every 10 s, for 65 s (it got 216 × 429 under the old per-address limit).
    /// </summary>
    [Fact]
    public async Task WaitingRoom_TwelveClientsOnOneAddressFor65Seconds_GetNo429AndEveryAnswer()
    {
        await using var host = Host();
        var secret = await SecretClientAsync(host);
        var clients = new List<(HttpClient Client, string Id)>();
        for (var i = 0; i < 12; i++)
        {
            var generated = await (await secret.PostAsync(new Uri("/v3/directline/tokens/generate", UriKind.Relative), null)).Content.ReadFromJsonAsync<JsonElement>();
            var client = await BotWebFactory.CreateReadyClientAsync(host);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", generated.GetProperty("token").GetString());
            var started = await client.PostAsync(new Uri("/v3/directline/conversations", UriKind.Relative), null);
            Assert.True(started.IsSuccessStatusCode, started.StatusCode.ToString());
            clients.Add((client, generated.GetProperty("conversationId").GetString()!));
        }

        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        var answers = await Task.WhenAll(clients.Select((tablet, index) => TabletAsync(tablet.Client, tablet.Id, index, statuses)));

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.True(statuses.Count > 12 * 60, $"{statuses.Count} requests");
        Assert.All(answers, answered => Assert.Equal(7, answered));
    }

    /// <summary>One tablet: polls each second and posts every 10th second for 65 s; returns how many bot replies it saw.</summary>
    private static async Task<int> TabletAsync(HttpClient client, string id, int index, System.Collections.Concurrent.ConcurrentBag<HttpStatusCode> statuses)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(80 * index));
        var clock = Stopwatch.StartNew();
        var watermark = string.Empty;
        var replies = 0;
        for (var second = 0; clock.Elapsed < TimeSpan.FromSeconds(65); second++)
        {
            if (second % 10 == 0)
            {
                var posted = await client.PostAsJsonAsync(new Uri($"/v3/directline/conversations/{id}/activities", UriKind.Relative), new { type = "message", from = new { id = "patient" }, text = "what is sarcopenia" });
                statuses.Add(posted.StatusCode);
            }

            var poll = await client.GetAsync(new Uri($"/v3/directline/conversations/{id}/activities?watermark={watermark}", UriKind.Relative));
            statuses.Add(poll.StatusCode);
            if (poll.IsSuccessStatusCode)
            {
                var page = await poll.Content.ReadFromJsonAsync<JsonElement>();
                watermark = page.TryGetProperty("watermark", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString()! : watermark;
                replies += page.GetProperty("activities").EnumerateArray().Count(activity => activity.GetProperty("from").GetProperty("id").GetString() != "patient" && activity.GetProperty("type").GetString() == "message" && activity.TryGetProperty("replyToId", out _));
            }

            var wait = TimeSpan.FromSeconds(second + 1) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
        }

        return replies;
    }

    private WebApplicationFactory<Program> Host(params (string Key, string Value)[] settings) => _factory.WithWebHostBuilder(builder =>
    {
        builder.UseSetting("DirectLine:Secret", Secret);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    });

    private static async Task<HttpClient> SecretClientAsync(WebApplicationFactory<Program> host)
    {
        var client = await BotWebFactory.CreateReadyClientAsync(host);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        return client;
    }

    private static async Task<(HttpClient Client, string Id)> StartAsync(WebApplicationFactory<Program> host, HttpClient secret)
    {
        var started = await (await secret.PostAsync(new Uri("/v3/directline/conversations", UriKind.Relative), null)).Content.ReadFromJsonAsync<JsonElement>();
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", started.GetProperty("token").GetString());
        return (client, started.GetProperty("conversationId").GetString()!);
    }
}
