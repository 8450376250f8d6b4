using System.Net;
using System.Text.Json;
using Bot.Core.Schema;

namespace Bot.Web.Hosting;

/// <summary>Reads the activity in a request body, for every endpoint that takes one, with one set of refusals.</summary>
public static class ActivityRequest
{
    /// <summary>The largest request body accepted, in bytes.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>
    /// The activity, or the refusal: 413 over <see cref="MaxBodyBytes"/> (declared or read), 415 for a body that is not
    /// JSON, 400 <c>BadJson</c> for malformed or too deeply nested JSON, 400 <c>MissingType</c> without a type.
    /// </summary>
    public static async Task<(Activity? Activity, IResult? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, BodyTooLarge());
        }

        if (request.ContentType is not { } contentType || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, ApiError.Result(HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType", "Send the activity as application/json."));
        }

        if (await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken) is not { } body)
        {
            return (null, BodyTooLarge());
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, BotJson.Options);
        }
        catch (JsonException)
        {
            return (null, ApiError.Result(HttpStatusCode.BadRequest, "BadJson", "The body is not a valid activity (malformed JSON)."));
        }

        return activity is null || string.IsNullOrWhiteSpace(activity.Type)
            ? (null, ApiError.Result(HttpStatusCode.BadRequest, "MissingType", "The activity has no type."))
            : (activity, null);
    }

    private static IResult BodyTooLarge() => ApiError.Result(HttpStatusCode.RequestEntityTooLarge, "BodyTooLarge", $"Activities are limited to {MaxBodyBytes} bytes.");
}
