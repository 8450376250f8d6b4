using System.Net;
using Bot.Web.DirectLine;
using Bot.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Web.Apis;

/// <summary>
/// The widget's token endpoint: a browser on this host's pages or an allowed origin gets a Direct Line token for a
/// new conversation, without ever seeing the secret. Rate-limited per address (<see cref="RateLimits"/>).
/// </summary>
public static class WidgetApi
{
    /// <summary>The CORS policy of the browser-facing endpoints.</summary>
    public const string CorsPolicy = "widget";

    /// <summary>Maps <c>POST /api/widget/token</c>.</summary>
    public static IEndpointRouteBuilder MapWidgetApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/widget/token", IssueToken).RequireCors(CorsPolicy);
        return app;
    }

    private static IResult IssueToken(HttpContext http, DirectLineTokens tokens, IOptions<DirectLineOptions> options)
    {
        var origin = http.Request.Headers.Origin.ToString();
        if (!IsAllowed(origin, http.Request, options.Value))
        {
            return ApiError.Result(HttpStatusCode.Forbidden, "OriginNotAllowed", "Widget tokens are issued to pages on this site and the origins it allows.");
        }

        return Results.Json(tokens.Conversation(DirectLineTokens.NewConversationId(), DirectLineTokens.NewUserId()));
    }

    private static bool IsAllowed(string origin, HttpRequest request, DirectLineOptions options) =>
        origin.Length > 0
        && (string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase)
            || options.AllowsOrigin(origin));
}
