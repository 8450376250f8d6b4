using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Bot.Browser.Tests;

/// <summary>How the official client (botframework-directlinejs inside the Web Chat bundle) takes our 429s.</summary>
public sealed class DirectLineClientRateLimitTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task PostOverTheLimit_TheRealClientReportsTheRefusalInsteadOfAFalseSuccess()
    {
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BrowserHost.DirectLineSecret);
        var started = await (await client.PostAsync(new Uri("/v3/directline/conversations", UriKind.Relative), null)).Content.ReadFromJsonAsync<JsonElement>();
        var (token, id) = (started.GetProperty("token").GetString()!, started.GetProperty("conversationId").GetString()!);
        var (page, _) = await host.NewPageAsync();
        var refusals = new List<string?>();
        page.Response += async (_, response) =>
        {
            if (response.Status == 429)
            {
                refusals.Add(await response.HeaderValueAsync("retry-after"));
            }
        };
        var domain = new Uri(host.Address, "/v3/directline").ToString();
        await page.GotoAsync($"{host.WebChatSite.Origin}directline?token={Uri.EscapeDataString(token)}&domain={Uri.EscapeDataString(domain)}");
        await page.WaitForFunctionAsync("() => window.directLine.connectionStatus$.getValue() === 2");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // Spend the conversation's posts (the window is fixed, so post until refused rather than counting).
        while ((await client.PostAsJsonAsync(new Uri($"/v3/directline/conversations/{id}/activities", UriKind.Relative), new { type = "event", name = "spend" })).StatusCode != HttpStatusCode.TooManyRequests)
        {
        }

        var outcome = await page.EvaluateAsync<JsonElement>("""
            () => new Promise(resolve => window.directLine.postActivity({ type: 'message', from: { id: 'patient' }, text: 'one more' }).subscribe(
              id => resolve({ failed: false, id: String(id) }),
              error => resolve({ failed: true, status: error.status })))
            """);

        Assert.True(outcome.GetProperty("failed").GetBoolean(), outcome.ToString());
        Assert.Equal(429, outcome.GetProperty("status").GetInt32());
        // The response handler reads the header asynchronously: give it a moment to record the refusal.
        for (var wait = 0; wait < 50 && refusals.Count == 0; wait++)
        {
            await Task.Delay(100);
        }

        var retryAfter = Assert.Single(refusals);
        Assert.True(DateTimeOffset.TryParse(retryAfter, System.Globalization.CultureInfo.InvariantCulture, out var at) && at > DateTimeOffset.UtcNow.AddSeconds(-1), retryAfter);
        Assert.Equal(2, await page.EvaluateAsync<int>("() => window.directLine.connectionStatus$.getValue()"));
    }
}
