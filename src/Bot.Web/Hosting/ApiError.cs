using System.Net;
using Bot.Core.Schema;

namespace Bot.Web.Hosting;

/// <summary>The one error shape every endpoint answers with, as Bot Framework services do: <c>{"error":{"code","message"}}</c>.</summary>
public static class ApiError
{
    /// <summary>An error response with <paramref name="status"/>.</summary>
    public static IResult Result(HttpStatusCode status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, BotJson.Options, statusCode: (int)status);

    /// <summary>503 while the index loads.</summary>
    public static IResult NotReady() => Result(HttpStatusCode.ServiceUnavailable, "NotReady", "The bot is still loading its articles; try again shortly.");
}
