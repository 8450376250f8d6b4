using System.Net;
using Bot.Core.Schema;

namespace Bot.Web.Hosting;

/// <summary>The one error shape every endpoint answers with, as Bot Framework services do: <c>{"error":{"code","message"}}</c>.</summary>
public static class ApiError
{
    /// <summary>An error response with <paramref name="status"/>.</summary>
    public static IResult Result(HttpStatusCode status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, BotJson.Options, statusCode: (int)status);

    /// <summary>
    /// The answer to an exception nothing else handled (UseExceptionHandler), in every environment: 400 for a request
    /// the framework could not bind, 500 otherwise; never the exception's text or stack.
    /// </summary>
    public static Task FromUnhandledAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var error = http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error;
        var result = error is BadHttpRequestException bad
            ? Result((HttpStatusCode)bad.StatusCode, "BadArgument", "The request is malformed.")
            : Result(HttpStatusCode.InternalServerError, "InternalError", "Something went wrong on our side; please try again.");
        return result.ExecuteAsync(http);
    }

    /// <summary>503 while the index loads.</summary>
    public static IResult NotReady() => Result(HttpStatusCode.ServiceUnavailable, "NotReady", "The bot is still loading its articles; try again shortly.");
}
