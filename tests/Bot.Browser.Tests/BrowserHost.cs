using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Bot.Browser.Tests;

/// <summary>
/// The host on a real Kestrel port on loopback, and Debian's Chromium driven by Playwright (never a downloaded
/// browser). Set CHROMIUM_PATH to use another Chromium binary.
/// </summary>
public sealed class BrowserHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>The Direct Line secret the host is configured with.</summary>
    public const string DirectLineSecret = "browser-tests-secret-0123456789";

    /// <summary>The admin key the host is configured with.</summary>
    public const string AdminKey = "browser-tests-admin-key";

    private IPlaywright? _playwright;

    /// <summary>Another site, allowed by the host's CORS settings, with the official Web Chat on its page.</summary>
    public WebChatSite WebChatSite { get; private set; } = null!;

    /// <summary>The host's address, e.g. http://127.0.0.1:41234.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        WebChatSite = await WebChatSite.StartAsync();
        UseKestrel();
        StartServer();
        Address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var client = CreateClient();
        for (var attempt = 0; attempt < 600 && !(await client.GetAsync(new Uri("/readyz", UriKind.Relative))).IsSuccessStatusCode; attempt++)
        {
            await Task.Delay(50);
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
        });
    }

    /// <summary>A new page in a fresh browser context, failing the test on any console error (a CSP violation, a script error).</summary>
    public async Task<(IPage Page, List<string> Errors)> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), ViewportSize = new ViewportSize { Width = 1100, Height = 760 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return (page, errors);
    }

    /// <summary>Opens the demo page's widget and asks <paramref name="question"/> (typed, then Enter).</summary>
    public static async Task AskInWidgetAsync(IPage page, string question)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/");
        await page.Locator(".mw-launcher").ClickAsync();
        await page.GetByLabel("Your question").FillAsync(question);
        await page.GetByLabel("Your question").PressAsync("Enter");
    }

    /// <inheritdoc />
    async Task IAsyncLifetime.DisposeAsync()
    {
        await Browser.DisposeAsync();
        await WebChatSite.DisposeAsync();
        _playwright?.Dispose();
        await DisposeAsync();
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Storage:SqlitePath", Path.Combine(Path.GetTempPath(), $"bot-browser-tests-{Guid.NewGuid():N}.db"));
        builder.UseSetting("RateLimits:TokensPerMinutePerIp", "1000");
        builder.UseSetting("DirectLine:Secret", DirectLineSecret);
        builder.UseSetting("Admin:Key", AdminKey);
        builder.UseSetting("DirectLine:AllowedOrigins:0", WebChatSite.Origin.GetLeftPart(UriPartial.Authority));
    }
}
