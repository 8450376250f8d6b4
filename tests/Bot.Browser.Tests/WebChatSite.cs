using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Browser.Tests;

/// <summary>
/// Another site on its own loopback port (another origin, as a clinic's site would be), serving a page that renders
/// the official Web Chat bundle against the Direct Line endpoint named in its query string.
/// </summary>
public sealed class WebChatSite : IAsyncDisposable
{
    private const string Page = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Web Chat</title></head>
        <body style="margin:0"><div id="webchat" style="height:700px"></div>
        <script src="/webchat.js"></script>
        <script>
          const query = new URLSearchParams(location.search);
          window.WebChat.renderWebChat({
            directLine: window.WebChat.createDirectLine({ token: query.get('token'), domain: query.get('domain'), webSocket: query.get('ws') === '1' })
          }, document.getElementById('webchat'));
        </script></body></html>
        """;

    /// <summary>A page holding only the official client's Direct Line connection (polling), as <c>window.directLine</c>.</summary>
    private const string DirectLinePage = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Direct Line</title></head>
        <body><script src="/webchat.js"></script>
        <script>
          const query = new URLSearchParams(location.search);
          window.directLine = window.WebChat.createDirectLine({ token: query.get('token'), domain: query.get('domain'), webSocket: false });
          window.directLine.activity$.subscribe(() => {});
        </script></body></html>
        """;

    private readonly WebApplication _app;

    private WebChatSite(WebApplication app, Uri origin)
    {
        _app = app;
        Origin = origin;
    }

    /// <summary>The site's origin, e.g. http://127.0.0.1:40001.</summary>
    public Uri Origin { get; }

    /// <summary>Starts the site on a free loopback port.</summary>
    public static async Task<WebChatSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/", () => Results.Content(Page, "text/html"));
        app.MapGet("/directline", () => Results.Content(DirectLinePage, "text/html"));
        app.MapGet("/webchat.js", async () => Results.File(await OfficialWebChat.BundleAsync(), "text/javascript"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebChatSite(app, new Uri(address));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
