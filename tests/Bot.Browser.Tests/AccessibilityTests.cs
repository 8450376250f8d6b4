using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Bot.Browser.Tests;

/// <summary>axe-core (Deque's engine, run in the page) finds no serious or critical WCAG violation on the pages the service serves.</summary>
public sealed class AccessibilityTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static readonly AxeRunOptions Wcag = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    };

    [Fact]
    public async Task DemoPage_WidgetOpenWithACitedAnswer_HasNoSeriousViolations()
    {
        var (page, _) = await host.NewPageAsync();
        await BrowserHost.AskInWidgetAsync(page, "what is sarcopenia");
        await Assertions.Expect(page.Locator(".mw-bot .mw-sources")).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator(".mw-vote")).ToHaveCountAsync(2);

        AssertNoSeriousViolations(await page.RunAxe(Wcag));
    }

    [Fact]
    public async Task DemoPage_OnAPhoneWithTheWidgetOpen_HasNoSeriousViolations()
    {
        var context = await host.Browser.NewContextAsync(new() { BaseURL = host.Address.ToString(), ViewportSize = new() { Width = 375, Height = 667 }, IsMobile = true });
        var page = await context.NewPageAsync();
        await BrowserHost.AskInWidgetAsync(page, "what causes muscle wasting");
        await Assertions.Expect(page.Locator(".mw-bot .mw-sources")).ToHaveCountAsync(1, new() { Timeout = 10_000 });

        AssertNoSeriousViolations(await page.RunAxe(Wcag));
        await context.CloseAsync();
    }

    [Fact]
    public async Task AdminPage_WithItsReportShown_HasNoSeriousViolations()
    {
        var (page, _) = await host.NewPageAsync();
        await page.GotoAsync("/admin");
        AssertNoSeriousViolations(await page.RunAxe(Wcag));

        await page.GetByLabel("Admin key").FillAsync(BrowserHost.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator("#report")).ToBeVisibleAsync();

        AssertNoSeriousViolations(await page.RunAxe(Wcag));
    }

    private static void AssertNoSeriousViolations(AxeResult result)
    {
        var serious = result.Violations.Where(violation => violation.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join(
            Environment.NewLine,
            serious.Select(violation => $"{violation.Impact} {violation.Id}: {violation.Help} at {string.Join(", ", violation.Nodes.Select(node => node.Target.ToString()))}")));
    }
}
