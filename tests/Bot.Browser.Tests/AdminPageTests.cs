using Microsoft.Playwright;

namespace Bot.Browser.Tests;

public sealed class AdminPageTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task AdminPage_AfterWidgetQuestions_ShowsChartAndTheUnansweredQuestion()
    {
        var (widget, _) = await host.NewPageAsync();
        await BrowserHost.AskInWidgetAsync(widget, "what is the capital of peru");
        await Assertions.Expect(widget.Locator(".mw-bot").Last).ToContainTextAsync("couldn't find an answer", new() { Timeout = 10_000 });
        var (page, errors) = await host.NewPageAsync();

        await page.GotoAsync("/admin");
        await page.GetByLabel("Admin key").FillAsync(BrowserHost.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Assertions.Expect(page.Locator("#chart svg[role=img] rect.bar")).ToHaveCountAsync(30);
        await Assertions.Expect(page.Locator("#unanswered")).ToContainTextAsync("what is the capital of peru");
        var row = page.Locator("#unanswered tbody tr").Filter(new() { HasText = "what is the capital of peru" });
        await row.GetByText("Show entry").ClickAsync();
        await Assertions.Expect(row.Locator("pre.qa-entry")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^## What is the capital of peru\\?\n"));
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await row.GetByRole(AriaRole.Button, new() { Name = "Copy entry" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Entry copied");
        Assert.StartsWith("## What is the capital of peru?", await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"), StringComparison.Ordinal);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download events (CSV)" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("Declined,what is the capital of peru", csv, StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task AdminPage_WrongKey_SaysSoAndShowsNothing()
    {
        var (page, _) = await host.NewPageAsync();
        await page.GotoAsync("/admin.html");

        await page.GetByLabel("Admin key").FillAsync("guess");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The admin key is not right.");
        await Assertions.Expect(page.Locator("#report")).ToBeHiddenAsync();
    }
}
