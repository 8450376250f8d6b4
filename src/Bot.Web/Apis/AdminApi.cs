using System.Net;
using System.Security.Cryptography;
using System.Text;
using Bot.Core.Analytics;
using Bot.Core.Schema;
using Bot.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Web.Apis;

/// <summary>
/// The deflection analytics behind the admin page (<c>/admin.html</c>): the report as JSON and the raw events as CSV,
/// for the last <c>days</c> days (1–365, default 30). Every call needs <c>Authorization: Bearer {Admin:Key}</c>; with
/// no key configured the API is off (404).
/// </summary>
public static class AdminApi
{
    /// <summary>Maps <c>GET /api/admin/report</c> and <c>GET /api/admin/events.csv</c>.</summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            http.Response.Headers.CacheControl = "no-store";
            var key = http.RequestServices.GetRequiredService<IOptions<AdminOptions>>().Value.Key;
            if (key.Length == 0)
            {
                return ApiError.Result(HttpStatusCode.NotFound, "AdminDisabled", "The admin API is off; set Admin:Key to turn it on.");
            }

            var header = http.Request.Headers.Authorization.ToString();
            return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && SameKey(header[7..].Trim(), key)
                ? await next(context)
                : ApiError.Result(HttpStatusCode.Unauthorized, "Unauthorized", "Send the admin key as a Bearer token.");
        });
        admin.MapGet("/report", ReportAsync);
        admin.MapGet("/events.csv", CsvAsync);
        return app;
    }

    private static async Task<IResult> ReportAsync(int? days, IAnalyticsStore analytics, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Period(days, clock) is not var (first, last))
        {
            return BadPeriod();
        }

        var events = await analytics.ListAsync(new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), cancellationToken);
        var report = DeflectionReport.Build(events, first, last);
        return Results.Json(new { report.Questions, report.Rate, report.Days, report.TopUnanswered, report.WorstRated }, BotJson.Options);
    }

    private static async Task<IResult> CsvAsync(int? days, IAnalyticsStore analytics, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Period(days, clock) is not var (first, _))
        {
            return BadPeriod();
        }

        var events = await analytics.ListAsync(new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), cancellationToken);
        return Results.File(Encoding.UTF8.GetBytes(AnalyticsCsv.Write(events)), "text/csv; charset=utf-8", $"deflection-{first:yyyy-MM-dd}.csv");
    }

    /// <summary>The last <paramref name="days"/> UTC days up to today; null when out of range.</summary>
    private static (DateOnly First, DateOnly Last)? Period(int? days, TimeProvider clock)
    {
        var count = days ?? 30;
        if (count is < 1 or > 365)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return (today.AddDays(1 - count), today);
    }

    private static IResult BadPeriod() => ApiError.Result(HttpStatusCode.BadRequest, "BadArgument", "days must be between 1 and 365.");

    private static bool SameKey(string given, string key) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
