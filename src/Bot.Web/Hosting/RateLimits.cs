using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Bot.Web.DirectLine;
using Bot.Web.Telemetry;
using Microsoft.AspNetCore.RateLimiting;

namespace Bot.Web.Hosting;

/// <summary>
/// ASP.NET Core rate limiting for the browser-facing endpoints (see <see cref="RateLimitOptions"/>). A refusal is 429
/// with the service's error body and Retry-After, in seconds, except on Direct Line. There botframework-directlinejs
/// (0.15.8, also inside Web Chat 4.18.1) passes a numeric Retry-After, or a missing one, to an rxjs
/// <c>Observable.timer</c> it never imports: the TypeError turns a refused post into a reported success (id "retry")
/// and ends polling. So Direct Line gets Retry-After as an HTTP date, which HTTP allows and which the client reads as
/// "not a number" and reports as the 429 it is; CORS exposes the header so the page can read it at all.
/// </summary>
public static class RateLimits
{
    private const string DirectLinePrefix = "/v3/directline";

    /// <summary>Registers the limiter from <paramref name="limits"/>.</summary>
    public static IServiceCollection AddBotRateLimits(this IServiceCollection services, RateLimitOptions limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, limits));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : limits.Window;
                var seconds = Math.Ceiling(retryAfter.TotalSeconds);
                http.Response.Headers.RetryAfter = http.Request.Path.StartsWithSegments(DirectLinePrefix, StringComparison.OrdinalIgnoreCase)
                    ? http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().AddSeconds(seconds + 1).ToString("R", CultureInfo.InvariantCulture)
                    : seconds.ToString(CultureInfo.InvariantCulture);
                BotTelemetry.RateLimited(Kind(http.Request));
                await ApiError.Result(HttpStatusCode.TooManyRequests, "TooManyRequests", "Too many requests; wait a moment and try again.").ExecuteAsync(http);
            };
        });
    }

    private static RateLimitPartition<string> Partition(HttpContext http, RateLimitOptions limits)
    {
        var request = http.Request;
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var (key, permits) = Kind(request) switch
        {
            "token" => ("token:" + address, limits.TokensPerMinutePerIp),
            "admin" => ("admin:" + address, limits.AdminRequestsPerMinutePerIp),
            "start" => ("start:" + address, limits.ConversationsPerMinutePerIp),
            "post" => ("post:" + ConversationInPath(request), limits.ActivitiesPerMinutePerConversation),
            "poll" => ("poll:" + ConversationInPath(request), limits.PollsPerMinutePerConversation),
            "conversation" => ("conversation:" + ConversationInPath(request), limits.RequestsPerMinutePerConversation),
            "refresh" when ConversationOfToken(http) is { } conversation => ("conversation:" + conversation, limits.RequestsPerMinutePerConversation),
            _ => (string.Empty, 0),
        };
        return permits > 0
            ? RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = limits.Window, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter(string.Empty);
    }

    /// <summary>Which limit a request counts against: token, admin, start, post, poll, conversation, refresh, or none.</summary>
    private static string Kind(HttpRequest request)
    {
        var path = request.Path;
        if (path.StartsWithSegments("/api/widget/token", StringComparison.OrdinalIgnoreCase))
        {
            return "token";
        }

        if (path.StartsWithSegments("/api/admin", StringComparison.OrdinalIgnoreCase))
        {
            return "admin";
        }

        if (!path.StartsWithSegments(DirectLinePrefix, StringComparison.OrdinalIgnoreCase, out var rest) || HttpMethods.IsOptions(request.Method))
        {
            return "none";
        }

        var segments = (rest.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["tokens", "generate"] => "token",
            ["tokens", "refresh"] => "refresh",
            ["conversations"] => "start",
            ["conversations", _, "activities"] => HttpMethods.IsGet(request.Method) ? "poll" : "post",
            ["conversations", _, ..] => "conversation",
            _ => "none",
        };
    }

    private static string ConversationInPath(HttpRequest request) => request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries)[3];

    /// <summary>The conversation a refresh's token is for (the token's own signature checked), or null for anything else.</summary>
    private static string? ConversationOfToken(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && http.RequestServices.GetRequiredService<DirectLineTokens>().Read(header[7..].Trim(), DirectLineTokens.ConversationScope) is (TokenCheck.Valid, { } claims)
            ? claims.ConversationId
            : null;
    }
}
