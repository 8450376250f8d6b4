using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Bot.Web.Tests.Apis;

public sealed class AdminApiTests(BotWebFactory factory) : IClassFixture<BotWebFactory>
{
    private const string Key = "admin-key-for-tests";

    [Fact]
    public async Task Report_AfterAnsweredAndDeclinedQuestions_CountsThemAndListsTheUnanswered()
    {
        await using var host = WithKey();
        var client = await BotWebFactory.CreateReadyClientAsync(host);
        await AskAsync(client, "what causes muscle wasting");
        await AskAsync(client, "what is the best pizza topping");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);

        var response = await client.GetAsync(new Uri("/api/admin/report?days=7", UriKind.Relative));
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(7, report.GetProperty("days").GetArrayLength());
        var today = report.GetProperty("days")[6];
        Assert.Equal((2, 1, 1), (today.GetProperty("questions").GetInt32(), today.GetProperty("answered").GetInt32(), today.GetProperty("declined").GetInt32()));
        Assert.Equal(0.5, report.GetProperty("rate").GetDouble());
        Assert.Equal("what is the best pizza topping", report.GetProperty("topUnanswered")[0].GetProperty("question").GetString());
        Assert.StartsWith("## What is the best pizza topping?\n", report.GetProperty("topUnanswered")[0].GetProperty("qaEntry").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventsCsv_WithKey_IsAnAttachmentWithHeaderAndOneRowPerEvent()
    {
        await using var host = WithKey();
        var client = await BotWebFactory.CreateReadyClientAsync(host);
        await AskAsync(client, "what is sarcopenia");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);

        var response = await client.GetAsync(new Uri("/api/admin/events.csv", UriKind.Relative));
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("at,channel,conversation,outcome,question,confidence,answer,comment", lines[0]);
        Assert.Contains(",Answered,what is sarcopenia,", Assert.Single(lines[1..]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("admin-key-for-test")]
    public async Task Report_WithoutTheRightKey_Returns401(string? key)
    {
        await using var host = WithKey();
        var client = host.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        var response = await client.GetAsync(new Uri("/api/admin/report", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Report_NoKeyConfigured_IsOff()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", string.Empty);

        var response = await client.GetAsync(new Uri("/api/admin/report", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("AdminDisabled", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("366")]
    [InlineData("many")]
    public async Task Report_DaysOutOfRange_Returns400(string days)
    {
        await using var host = WithKey();
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);

        var response = await client.GetAsync(new Uri($"/api/admin/report?days={days}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private WebApplicationFactory<Program> WithKey() => factory.WithWebHostBuilder(builder => builder.UseSetting("Admin:Key", Key));

    private static async Task AskAsync(HttpClient client, string text)
    {
        var response = await client.PostAsJsonAsync("/api/messages", new
        {
            type = "message",
            id = Guid.NewGuid().ToString(),
            channelId = "webchat",
            serviceUrl = "http://connector.test/",
            from = new { id = "u1" },
            recipient = new { id = "bot" },
            conversation = new { id = Guid.NewGuid().ToString() },
            text,
            deliveryMode = "expectReplies",
        });
        response.EnsureSuccessStatusCode();
    }
}
