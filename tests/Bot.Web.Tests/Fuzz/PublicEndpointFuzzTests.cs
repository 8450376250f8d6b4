using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Xunit.Abstractions;

namespace Bot.Web.Tests.Fuzz;

/// <summary>
/// Seeded random bad input against every public endpoint: truncated, corrupted, oversized and deeply nested JSON,
/// invalid UTF-8, wrong types and content types, forged, altered, foreign and expired tokens. Every answer must be a
/// clear status below 500 without internals, the process must keep serving, and a conversation's stored transcript
/// must stay well-formed. The counts go to the test output (docs/fuzz.md records a run).
/// </summary>
public sealed class PublicEndpointFuzzTests(BotWebFactory factory, ITestOutputHelper output) : IClassFixture<BotWebFactory>
{
    private const string Secret = "fuzz-secret-0123456789abcdef";
    private const int Seed = 20261121;
    private const int RoundsPerEndpoint = 600;

    private static readonly string ValidActivity = """{"type":"message","id":"m1","channelId":"webchat","serviceUrl":"http://localhost/","from":{"id":"u1"},"recipient":{"id":"bot"},"conversation":{"id":"c1"},"text":"what is sarcopenia","deliveryMode":"expectReplies","channelData":{"clientActivityID":"x"}}""";

    [Fact]
    public async Task PublicEndpoints_SeededBadInput_AllGetClearClientErrorsAndNothingBreaks()
    {
        await using var host = factory.WithWebHostBuilder(builder => builder
            .UseSetting("DirectLine:Secret", Secret)
            .UseSetting("RateLimits:TokensPerMinutePerIp", "0")
            .UseSetting("RateLimits:ConversationsPerMinutePerIp", "0")
            .UseSetting("RateLimits:PollsPerMinutePerConversation", "0")
            .UseSetting("RateLimits:RequestsPerMinutePerConversation", "0")
            .UseSetting("RateLimits:ActivitiesPerMinutePerConversation", "0"));
        var anonymous = await BotWebFactory.CreateReadyClientAsync(host);
        var withSecret = Authorized(host.CreateClient(), Secret);
        var conversation = await (await withSecret.PostAsync(new Uri("/v3/directline/conversations", UriKind.Relative), null)).Content.ReadFromJsonAsync<JsonElement>();
        var id = conversation.GetProperty("conversationId").GetString()!;
        var token = conversation.GetProperty("token").GetString()!;
        var other = (await (await withSecret.PostAsync(new Uri("/v3/directline/conversations", UriKind.Relative), null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString()!;
        var random = new Random(Seed);
        var counts = new Dictionary<string, (int Tried, int Accepted)>();

        async Task TryAsync(string endpoint, HttpClient client, HttpMethod method, string path, byte[]? body, string? contentType)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                if (contentType is not null)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                }
            }

            request.Headers.TryAddWithoutValidation("Origin", "http://localhost");
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            // 501 is the protocol's answer to an invoke the bot does not handle (Bot Framework's InvokeResponse).
            var unhandledInvoke = response.StatusCode == HttpStatusCode.NotImplemented && endpoint == "POST /api/messages";
            Assert.True((int)response.StatusCode < 500 || unhandledInvoke, $"{endpoint}: {(int)response.StatusCode} for {Describe(body)}: {text[..Math.Min(text.Length, 300)]}");
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
            if (!response.IsSuccessStatusCode && !unhandledInvoke)
            {
                Assert.Contains("\"error\"", text, StringComparison.Ordinal);
            }

            var (tried, accepted) = counts.GetValueOrDefault(endpoint);
            counts[endpoint] = (tried + 1, accepted + (response.IsSuccessStatusCode ? 1 : 0));
        }

        var conversationClient = Authorized(host.CreateClient(), token);
        for (var round = 0; round < RoundsPerEndpoint; round++)
        {
            var (body, contentType) = BadBody(random);
            await TryAsync("POST /api/messages", anonymous, HttpMethod.Post, "/api/messages", body, contentType);
            (body, contentType) = BadBody(random);
            await TryAsync("POST /v3/directline/conversations/{id}/activities", conversationClient, HttpMethod.Post, $"/v3/directline/conversations/{id}/activities", body, contentType);
            (body, contentType) = BadBody(random);
            await TryAsync("POST /v3/directline/tokens/generate", withSecret, HttpMethod.Post, "/v3/directline/tokens/generate", body, contentType);
            await TryAsync("GET /v3/directline/conversations/{id}/activities?watermark=", conversationClient, HttpMethod.Get, $"/v3/directline/conversations/{id}/activities?watermark={Uri.EscapeDataString(BadWatermark(random))}", null, null);
            var badToken = BadToken(random, token, host, other);
            await TryAsync("any Direct Line call with a bad token", Authorized(host.CreateClient(), badToken), HttpMethod.Get, $"/v3/directline/conversations/{(random.Next(2) == 0 ? id : other)}/activities", null, null);
            await TryAsync("POST /v3/directline/tokens/refresh (bad token)", Authorized(host.CreateClient(), badToken), HttpMethod.Post, "/v3/directline/tokens/refresh", null, null);
            (body, contentType) = BadBody(random);
            await TryAsync("POST /api/widget/token", anonymous, HttpMethod.Post, "/api/widget/token", body, contentType);
        }

        var total = counts.Values.Sum(count => count.Tried);
        foreach (var (endpoint, (tried, accepted)) in counts)
        {
            output.WriteLine($"{endpoint}: {tried} inputs, {tried - accepted} refused, {accepted} accepted");
        }

        output.WriteLine($"total: {total} inputs, none answered 5xx");
        Assert.Equal("ok", await anonymous.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
        var transcript = (await conversationClient.GetFromJsonAsync<JsonElement>(new Uri($"/v3/directline/conversations/{id}/activities", UriKind.Relative))).GetProperty("activities").EnumerateArray().ToList();
        var ids = transcript.Select(activity => activity.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(transcript, activity => Assert.False(string.IsNullOrEmpty(activity.GetProperty("type").GetString())));
        Assert.True(total >= 7 * RoundsPerEndpoint);
    }

    private static HttpClient Authorized(HttpClient client, string bearer)
    {
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + bearer);
        return client;
    }

    /// <summary>A malformed, truncated, corrupted, oversized, nested or mistyped body, and a content type (often wrong).</summary>
    private static (byte[] Body, string? ContentType) BadBody(Random random)
    {
        var valid = Encoding.UTF8.GetBytes(ValidActivity);
        byte[] body = random.Next(11) switch
        {
            0 => valid[..random.Next(valid.Length)],
            1 => Corrupt(valid, random),
            2 => [.. valid[..random.Next(valid.Length)], 0xC3, 0x28, 0xFF, 0xFE, .. valid[random.Next(valid.Length)..]],
            3 => Encoding.UTF8.GetBytes(new string('[', random.Next(10, 5000)) + new string(']', random.Next(0, 5000))),
            4 => Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"" + new string('x', random.Next(250_000, 400_000)) + "\"}"),
            5 => Encoding.UTF8.GetBytes(ValidActivity.Replace("\"message\"", Pick(random, "\"conversationUpdate\"", "\"\"", "null", "42", "\"🙂\"", "\"endOfConversation\"", "[]"), StringComparison.Ordinal)),
            6 => Encoding.UTF8.GetBytes(ValidActivity.Replace("\"what is sarcopenia\"", Pick(random, "{}", "[1]", "true", "\"\\uD800\"", "\"\\u0000\\u202E\"", "1e999"), StringComparison.Ordinal)),
            7 => Encoding.UTF8.GetBytes("{\"type\":\"message\",\"channelData\":" + Nested(random.Next(60, 3000)) + "}"),
            8 => Encoding.UTF8.GetBytes(Pick(random, "", "null", "[]", "\"text\"", "0", "{\"user\":{\"id\":" + new string('9', 400) + "}}", "{\"type\":\"message\",\"type\":\"invoke\"}")),
            9 => RandomBytes(random),
            _ => valid,
        };
        var contentType = random.Next(5) == 0
            ? Pick(random, null, "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/json; charset=utf-16", "application/jsonx", "*/*")
            : "application/json";
        return (body, contentType);
    }

    private static byte[] Corrupt(byte[] valid, Random random)
    {
        var corrupted = (byte[])valid.Clone();
        for (var i = random.Next(1, 8); i > 0; i--)
        {
            corrupted[random.Next(corrupted.Length)] = (byte)random.Next(256);
        }

        return corrupted;
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1, 2048)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Nested(int depth) => new StringBuilder().Insert(0, "{\"a\":", depth).Append('1').Append('}', depth).ToString();

    private static string BadWatermark(Random random) => Pick(random, "-1", "-99999999999", "9999999999999999999999", "abc", "1.5", "0x10", " 1", "１", "\u202E7", "NaN", "9223372036854775807", "");

    private static string BadToken(Random random, string token, Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host, string other)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        return random.Next(7) switch
        {
            0 => token[..random.Next(token.Length)],
            1 => token[..dot] + "." + Convert.ToBase64String(RandomBytes(random)),
            2 => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes($$"""{"c":"{{other}}","u":"x","s":"conversation","e":9999999999}""")) + token[dot..],
            3 => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"c":"a","u":"b","s":"stream","e":1}""")) + token[dot..],
            4 => new string('.', random.Next(1, 50)),
            5 => "Bearer " + token,
            _ => Encoding.Latin1.GetString(RandomBytes(random)).Replace('\r', 'r').Replace('\n', 'n'),
        };
    }

    private static T Pick<T>(Random random, params T[] choices) => choices[random.Next(choices.Length)];

    private static string Describe(byte[]? body) => body is null ? "(no body)" : $"{body.Length} bytes: {Encoding.UTF8.GetString(body[..Math.Min(body.Length, 80)])}";
}
