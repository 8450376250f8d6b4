using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Bot.Web.Hosting;

/// <summary>
/// ASP.NET Core rate limiting for the browser-facing endpoints: widget tokens, admin calls (against key guessing)
/// and Direct Line requests per client address, posted activities per conversation. A refusal is 429 with
/// Retry-After (seconds, as HTTP defines it) and the service's error body.
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
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => PerAddress(http, limits)),
                PartitionedRateLimiter.Create<HttpContext, string>(http => PerConversation(http, limits)));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                await ApiError.Result(HttpStatusCode.TooManyRequests, "TooManyRequests", "Too many requests; wait a moment and try again.").ExecuteAsync(context.HttpContext);
            };
        });
    }

    private static RateLimitPartition<string> PerAddress(HttpContext http, RateLimitOptions limits)
    {
        var path = http.Request.Path;
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (path.StartsWithSegments(WidgetPath, StringComparison.OrdinalIgnoreCase) && limits.TokensPerMinutePerIp > 0)
        {
            return RateLimitPartition.GetFixedWindowLimiter("token:" + address, _ => Window(limits.TokensPerMinutePerIp));
        }

        if (path.StartsWithSegments(AdminPath, StringComparison.OrdinalIgnoreCase) && limits.AdminRequestsPerMinutePerIp > 0)
        {
            return RateLimitPartition.GetFixedWindowLimiter("admin:" + address, _ => Window(limits.AdminRequestsPerMinutePerIp));
        }

        if (path.StartsWithSegments(DirectLinePrefix, StringComparison.OrdinalIgnoreCase) && limits.RequestsPerMinutePerIp > 0)
        {
            return RateLimitPartition.GetFixedWindowLimiter("dl:" + address, _ => Window(limits.RequestsPerMinutePerIp));
        }

        return RateLimitPartition.GetNoLimiter(string.Empty);
    }

    private static RateLimitPartition<string> PerConversation(HttpContext http, RateLimitOptions limits)
    {
        var path = http.Request.Path.Value ?? string.Empty;
        if (limits.ActivitiesPerMinutePerConversation > 0 && HttpMethods.IsPost(http.Request.Method)
            && path.StartsWith(DirectLinePrefix + "/conversations/", StringComparison.OrdinalIgnoreCase)
            && path.EndsWith("/activities", StringComparison.OrdinalIgnoreCase))
        {
            var conversation = path[(DirectLinePrefix.Length + "/conversations/".Length)..^"/activities".Length];
            return RateLimitPartition.GetFixedWindowLimiter("conversation:" + conversation, _ => Window(limits.ActivitiesPerMinutePerConversation));
        }

        return RateLimitPartition.GetNoLimiter(string.Empty);
    }

    private static FixedWindowRateLimiterOptions Window(int permits) => new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };

    private static PathString WidgetPath => "/api/widget/token";

    private static PathString AdminPath => "/api/admin";
}
