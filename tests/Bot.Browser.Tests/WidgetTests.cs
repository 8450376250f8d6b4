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
    public async Task Widget_CitationMarkerClickedOrEntered_FocusesTheSourceWithoutMovingThePanelOrTheAddress()
    {
        var (page, errors) = await host.NewPageAsync();
        await BrowserHost.AskInWidgetAsync(page, "what is sarcopenia");
        var answered = 1;
        foreach (var question in new[] { "what causes muscle wasting", "how is muscle atrophy treated" })
        {
            await Assertions.Expect(page.Locator(".mw-bot .mw-sources")).ToHaveCountAsync(answered++, Patiently);
            await page.GetByLabel("Your question").FillAsync(question);
            await page.GetByLabel("Your question").PressAsync("Enter");
        }

        await Assertions.Expect(page.Locator(".mw-bot .mw-sources")).ToHaveCountAsync(answered, Patiently);
        var url = page.Url;
        var panel = page.Locator("#mw-panel");
        var before = await panel.BoundingBoxAsync();
        var marker = page.Locator(".mw-bot").Filter(new() { Has = page.Locator(".mw-sources") }).Nth(1).Locator("a.mw-marker").First;

        await marker.ClickAsync();

        var source = page.Locator((await marker.GetAttributeAsync("href"))!);
        await Assertions.Expect(source).ToBeFocusedAsync();
        await Assertions.Expect(source).ToBeInViewportAsync();
        Assert.Equal(url, page.Url);
        Assert.Equal(0, await panel.EvaluateAsync<double>("p => p.scrollTop"));
        Assert.Equal(before!.Y, (await panel.BoundingBoxAsync())!.Y);
        await Assertions.Expect(page.Locator(".mw-title")).ToBeInViewportAsync();

        await page.GetByLabel("Your question").FocusAsync();
        await marker.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(source).ToBeFocusedAsync();
        Assert.Equal(url, page.Url);
        Assert.Equal(0, await panel.EvaluateAsync<double>("p => p.scrollTop"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Widget_VoteThenReload_ShowsTheVoteAsCastAndCannotVoteAgain()
    {
        var (page, errors) = await host.NewPageAsync();
        await BrowserHost.AskInWidgetAsync(page, "what is muscle atrophy");
        await page.GetByRole(AriaRole.Button, new() { Name = "Not helpful", Exact = true }).ClickAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator(".mw-status")).ToHaveTextAsync("Thank you for your feedback.");

        await page.ReloadAsync();
        await page.Locator(".mw-launcher").ClickAsync();

        var notHelpful = page.GetByRole(AriaRole.Button, new() { Name = "Not helpful", Exact = true });
        await Assertions.Expect(notHelpful).ToHaveAttributeAsync("aria-pressed", "true", new() { Timeout = 10_000 });
        await Assertions.Expect(notHelpful).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Helpful", Exact = true })).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Helpful", Exact = true })).ToBeDisabledAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Widget_ThankYouAfterVote_ClearsWhenTheNextReplyArrives()
    {
        var (page, _) = await host.NewPageAsync();
        await BrowserHost.AskInWidgetAsync(page, "what is cachexia");
        await page.GetByRole(AriaRole.Button, new() { Name = "Helpful", Exact = true }).ClickAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator(".mw-status")).ToHaveTextAsync("Thank you for your feedback.");

        await page.GetByLabel("Your question").FillAsync("what is sarcopenia");
        await page.GetByLabel("Your question").PressAsync("Enter");

        await Assertions.Expect(page.Locator(".mw-bot .mw-sources")).ToHaveCountAsync(2, Patiently);
        await Assertions.Expect(page.Locator(".mw-status")).ToBeEmptyAsync();
    }

    [Fact]
    public async Task Widget_VoteButtons_DrawTheirIconsWithoutAnyEmojiFont()
    {
        var (page, _) = await host.NewPageAsync();
        await BrowserHost.AskInWidgetAsync(page, "what is sarcopenia");

        var votes = page.Locator(".mw-vote");
        await Assertions.Expect(votes).ToHaveCountAsync(2, Patiently);

        Assert.Equal(2, await page.Locator(".mw-vote svg path").CountAsync());
        Assert.Equal(["Helpful", "Not helpful"], await votes.AllInnerTextsAsync());
        Assert.True(await votes.EvaluateAllAsync<bool>("vs => vs.every(v => v.querySelector('svg').getBoundingClientRect().width >= 12)"));
    }

    [Fact]
    public async Task Widget_OnA375PixelPhone_HeaderAndIntroTakeLittleOfThePanel()
    {
        var context = await host.Browser.NewContextAsync(new() { BaseURL = host.Address.ToString(), ViewportSize = new() { Width = 375, Height = 667 }, IsMobile = true, HasTouch = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator(".mw-launcher").ClickAsync();

        var panel = (await page.Locator("#mw-panel").BoundingBoxAsync())!;
        var header = (await page.Locator(".mw-header").BoundingBoxAsync())!;
        var intro = (await page.Locator(".mw-intro").BoundingBoxAsync())!;

        Assert.True(panel.X >= 0 && panel.X + panel.Width <= 375, $"panel {panel.X}+{panel.Width}");
        Assert.True((header.Height + intro.Height) / panel.Height < 0.15, $"header {header.Height} + intro {intro.Height} of {panel.Height}");
        await context.CloseAsync();
    }

    [Fact]
    public async Task Widget_QuestionAboutTheClinic_IsAnsweredFromTheClinicsOwnPageAlone()
    {
        var (page, errors) = await host.NewPageAsync();

        await BrowserHost.AskInWidgetAsync(page, "what time do you open on saturday?");

        var answer = page.Locator(".mw-bot").Filter(new() { Has = page.Locator(".mw-sources") });
        await Assertions.Expect(answer).ToContainTextAsync("On Saturdays we are open from 9 am to 12 noon", new() { Timeout = 10_000 });
        var source = answer.Locator(".mw-sources li");
        await Assertions.Expect(source).ToHaveCountAsync(1);
        await Assertions.Expect(source.Locator("a")).ToHaveTextAsync("Riverside Muscle Clinic (demo): practical questions");
        await Assertions.Expect(source.Locator("a")).ToHaveAttributeAsync("href", "https://riverside-clinic.example/questions");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Widget_TalkToTheClinic_AnswersWithClinicContact()
    {
        var (page, _) = await host.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator(".mw-launcher").ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Talk to the clinic" }).ClickAsync();

        var reply = page.Locator(".mw-bot").Last;
        await Assertions.Expect(reply).ToContainTextAsync("To reach Riverside Muscle Clinic (demo), call 555-0100", new() { Timeout = 10_000 });
        await Assertions.Expect(reply.GetByRole(AriaRole.Link, new() { Name = "https://riverside-clinic.example/contact" })).ToHaveAttributeAsync("href", "https://riverside-clinic.example/contact");
        await Assertions.Expect(reply.GetByRole(AriaRole.Link, new() { Name = "appointments@riverside-clinic.example" })).ToHaveAttributeAsync("href", "mailto:appointments@riverside-clinic.example");
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
