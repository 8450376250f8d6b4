using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Bot.Browser.Tests;

public sealed class OfficialWebChatTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static readonly LocatorAssertionsToHaveCountOptions Patiently = new() { Timeout = 10_000 };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WebChat_PointedAtOurDirectLine_HoldsConversationWithCitationsAndSuggestedActions(bool webSocket)
    {
        var token = await GenerateTokenAsync();
        var (page, _) = await host.NewPageAsync();
        var streams = new List<string>();
        var polls = new List<string>();
        page.WebSocket += (_, socket) => streams.Add(socket.Url);
        page.Request += (_, request) =>
        {
            if (request.Method == "GET" && request.Url.Contains("/activities", StringComparison.Ordinal))
            {
                polls.Add(request.Url);
            }
        };
        var domain = new Uri(host.Address, "/v3/directline").ToString();

        await page.GotoAsync($"{host.WebChatSite.Origin}?ws={(webSocket ? 1 : 0)}&token={Uri.EscapeDataString(token)}&domain={Uri.EscapeDataString(domain)}");
        var input = page.GetByRole(AriaRole.Textbox).First;
        await input.FillAsync("what causes muscle wasting", new() { Timeout = 20_000 });
        await input.PressAsync("Enter");

        var transcript = page.Locator("#webchat");
        await Assertions.Expect(transcript).ToContainTextAsync("Hello! I answer questions about muscle wasting", new() { Timeout = 20_000 });
        await Assertions.Expect(transcript).ToContainTextAsync("amyotrophic lateral sclerosis", new() { Timeout = 20_000 });
        var references = page.Locator(".webchat__link-definitions__list-item");
        await Assertions.Expect(references).ToHaveCountAsync(2, Patiently);
        await Assertions.Expect(references.Filter(new() { HasText = "Medical conditions that cause muscle wasting" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#webchat a[href^='https://www.medicalnewstoday.com/']")).Not.ToHaveCountAsync(0);
        var suggested = page.Locator("button.webchat__suggested-action", new() { HasText = "Tell me more" });
        await Assertions.Expect(suggested).ToBeVisibleAsync(new() { Timeout = 10_000 });
        if (Environment.GetEnvironmentVariable("WEBCHAT_SCREENSHOT") is { Length: > 0 } path)
        {
            await page.ScreenshotAsync(new() { Path = path });
        }

        await suggested.ClickAsync();

        await Assertions.Expect(page.Locator(".webchat__link-definitions")).ToHaveCountAsync(2, Patiently);
        Assert.Equal(webSocket, streams.Count > 0);
        Assert.Equal(webSocket, polls.Count == 0);
    }

    private async Task<string> GenerateTokenAsync()
    {
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BrowserHost.DirectLineSecret);
        var response = await client.PostAsync(new Uri("/v3/directline/tokens/generate", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }
}
