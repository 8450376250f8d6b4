namespace Bot.Web.Hosting;

/// <summary>
/// Security headers on every response, and a strict Content-Security-Policy on this host's own pages: scripts,
/// styles and connections from this host only, no framing, no plugins.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy for HTML pages served here.</summary>
    public const string PagePolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Adds the headers as each response starts.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            if (http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                headers.ContentSecurityPolicy = PagePolicy;
                headers.XFrameOptions = "DENY";
            }

            return Task.CompletedTask;
        });
        return next(http);
    });
}
