using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Web.Hosting;
using Microsoft.AspNetCore.Hosting;

namespace Bot.Web.Tests.Apis;

public sealed class WidgetApiTests(BotWebFactory factory) : IClassFixture<BotWebFactory>
{
    private const string AllowedSite = "https://clinic.example";

    [Theory]
    [InlineData("http://localhost")]
    [InlineData(AllowedSite)]
    public async Task Token_FromOwnOrAllowedOrigin_OpensANewConversation(string origin)
    {
        var client = await ClientAsync();

        var response = await PostTokenAsync(client, origin);
        var issued = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.GetProperty("token").GetString());
        var started = await client.PostAsync(new Uri("/v3/directline/conversations", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(issued.GetProperty("conversationId").GetString(), (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString());
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("https://clinic.example.evil.example")]
    [InlineData(null)]
    public async Task Token_FromOtherOrNoOrigin_Returns403(string? origin)
    {
        var response = await PostTokenAsync(await ClientAsync(), origin);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("OriginNotAllowed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_OverThePerAddressLimit_Returns429WithRetryAfter()
    {
        var client = await ClientAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < new RateLimitOptions().TokensPerMinutePerIp; i++)
        {
            statuses.Add((await PostTokenAsync(client, AllowedSite)).StatusCode);
        }

        var refused = await PostTokenAsync(client, AllowedSite);

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("TooManyRequests", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preflight_FromAllowedOrigin_AllowsDirectLineHeaders()
    {
        var client = await ClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
        request.Headers.Add("Origin", AllowedSite);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");

        var response = await client.SendAsync(request);

        Assert.Equal(AllowedSite, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("x-ms-bot-agent", string.Join(',', response.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Preflight_FromOtherOrigin_GetsNoCorsGrant()
    {
        var client = await ClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");

        var response = await client.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/admin.html")]
    public async Task Pages_CarryContentSecurityPolicyAndFramingBan(string path)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SecurityHeaders.PagePolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task WidgetScript_IsServedAsJavaScript()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/widget.js", UriKind.Relative));

        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/api/widget/token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PostTokenAsync(HttpClient client, string? origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/widget/token");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return client.SendAsync(request);
    }

    /// <summary>A client of a host of its own, so each test has its own rate-limit budget.</summary>
    private async Task<HttpClient> ClientAsync() =>
        await BotWebFactory.CreateReadyClientAsync(factory.WithWebHostBuilder(builder => builder.UseSetting("DirectLine:AllowedOrigins:0", AllowedSite)));
}
