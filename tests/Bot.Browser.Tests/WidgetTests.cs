using Bot.Core.Analytics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Bot.Browser.Tests;

public sealed class WidgetTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static readonly LocatorAssertionsToHaveCountOptions Patiently = new() { Timeout = 10_000 };

    [Fact]
    public async Task DemoPage_AskWhatIsSarcopenia_ShowsAnswerWithLinkedCitation()
    {
        var (page, errors) = await host.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Ask ") }).ClickAsync();
        await page.GetByLabel("Your question").FillAsync("what is sarcopenia");
        await page.GetByLabel("Your question").PressAsync("Enter");

        var answer = page.Locator(".mw-bot").Filter(new() { Has = page.Locator(".mw-sources") });
        await Assertions.Expect(answer).ToHaveCountAsync(1, Patiently);
        var marker = answer.Locator("a.mw-marker").First;
        await Assertions.Expect(marker).ToHaveTextAsync("[1]");
        var target = await marker.GetAttributeAsync("href");
        await Assertions.Expect(page.Locator(target!)).ToHaveCountAsync(1);
        await Assertions.Expect(answer).ToContainTextAsync("sarcopenia");
        await Assertions.Expect(page.Locator(".mw-user")).ToHaveCountAsync(1);
        await Assertions.Expect(answer.Locator(".mw-sources li blockquote").First).Not.ToBeEmptyAsync();
        Assert.True(await answer.EvaluateAsync<bool>("m => [...m.querySelectorAll('.mw-sources a')].every(a => a.rel === 'noopener noreferrer' && a.protocol.startsWith('http'))"));
        if (Environment.GetEnvironmentVariable("WIDGET_SCREENSHOT") is { Length: > 0 } path)
        {
            await page.ScreenshotAsync(new() { Path = path });
        }

        Assert.Empty(errors);
    }

    [Fact]
    public async Task Widget_KeyboardOnly_OpensAsksAndClosesWithFocusReturned()
    {
        var (page, errors) = await host.NewPageAsync();
        await page.GotoAsync("/");
        var launcher = page.Locator(".mw-launcher");

        await launcher.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(launcher).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(page.GetByLabel("Your question")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("what causes muscle wasting");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".mw-bot .mw-sources")).ToHaveCountAsync(1, Patiently);
        await Assertions.Expect(page.Locator("[role=log][aria-live=polite]")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(page.Locator("#mw-panel")).ToBeHiddenAsync();
        await Assertions.Expect(launcher).ToBeFocusedAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Widget_ThumbsUp_ReachesTheBotAsFeedbackOnThatAnswer()
    {
        var (page, _) = await host.NewPageAsync();
        await BrowserHost.AskInWidgetAsync(page, "how is muscle atrophy treated");

        await page.GetByRole(AriaRole.Button, new() { Name = "Helpful", Exact = true }).ClickAsync(new() { Timeout = 10_000 });

        await Assertions.Expect(page.Locator(".mw-status")).ToHaveTextAsync("Thank you for your feedback.");
        var events = await host.Services.GetRequiredService<IAnalyticsStore>().ListAsync(DateTimeOffset.MinValue, CancellationToken.None);
        var vote = Assert.Single(events, recorded => recorded.Outcome == QuestionOutcome.RatedUp);
        Assert.Equal(("how is muscle atrophy treated", "directline"), (vote.Question, vote.ChannelId));
    }

    [Fact]
    public async Task Widget_TalkToTheClinic_AnswersWithClinicContact()
    {
        var (page, _) = await host.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator(".mw-launcher").ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Talk to the clinic" }).ClickAsync();

        await Assertions.Expect(page.Locator(".mw-bot").Last).ToContainTextAsync("You can reach", new() { Timeout = 10_000 });
    }

    [Fact]
    public async Task Widget_AfterMovingToAnotherPage_ContinuesTheSameConversation()
    {
        var (page, errors) = await host.NewPageAsync();
        await BrowserHost.AskInWidgetAsync(page, "what is cachexia");
        await Assertions.Expect(page.Locator(".mw-bot .mw-sources")).ToHaveCountAsync(1, Patiently);

        await page.ReloadAsync();
        await page.Locator(".mw-launcher").ClickAsync();

        await Assertions.Expect(page.Locator(".mw-bot .mw-sources")).ToHaveCountAsync(1, Patiently);
        await Assertions.Expect(page.Locator(".mw-user")).ToHaveTextAsync("You said: what is cachexia");
        await Assertions.Expect(page.Locator(".mw-bot")).ToHaveCountAsync(2);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Widget_MarkupInUserText_IsShownAsText()
    {
        var (page, errors) = await host.NewPageAsync();

        await BrowserHost.AskInWidgetAsync(page, "<img src=x onerror=\"document.title='owned'\"> what is atrophy");

        await Assertions.Expect(page.Locator(".mw-user")).ToContainTextAsync("<img src=x");
        await Assertions.Expect(page.Locator(".mw-root img")).ToHaveCountAsync(0);
        Assert.NotEqual("owned", await page.TitleAsync());
        Assert.Empty(errors);
    }
}
