using System.Net;
using System.Text.Json;
using Bot.Core.Schema;
using Bot.Core.Turns;
using Bot.Web.Connector;
using Microsoft.Extensions.Options;

namespace Bot.Web.Hosting;

/// <summary>
/// The HTTP edge of the Bot Framework protocol (Bot Builder's CloudAdapter, thin): read and check the request,
/// authenticate the caller, run the turn, write the response. Replies go to the channel's connector, or into the
/// response body when the activity asks for <c>deliveryMode: expectReplies</c>. One turn-error handler logs the
/// failure and apologises; internals never reach the caller.
/// </summary>
public sealed partial class BotAdapter(KnowledgeBaseLoader loader, ConnectorClient connector, IOptions<BotOptions> options, ILogger<BotAdapter> logger)
{
    /// <summary>The largest request body accepted, in bytes.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    private const string ExpectReplies = "expectReplies";

    /// <summary>Handles one POST to /api/messages.</summary>
    public async Task<IResult> ProcessAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!IsAuthorized(http))
        {
            return Error(HttpStatusCode.Unauthorized, "Unauthorized", "This bot accepts anonymous requests from this machine only.");
        }

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return Error(HttpStatusCode.RequestEntityTooLarge, "BodyTooLarge", $"Activities are limited to {MaxBodyBytes} bytes.");
        }

        if (http.Request.ContentType is not { } contentType || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Error(HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType", "Send the activity as application/json.");
        }

        var body = await ReadLimitedAsync(http.Request.Body, cancellationToken);
        if (body is null)
        {
            return Error(HttpStatusCode.RequestEntityTooLarge, "BodyTooLarge", $"Activities are limited to {MaxBodyBytes} bytes.");
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, BotJson.Options);
        }
        catch (JsonException)
        {
            return Error(HttpStatusCode.BadRequest, "BadJson", "The body is not a valid activity (malformed JSON).");
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            return Error(HttpStatusCode.BadRequest, "MissingType", "The activity has no type.");
        }

        if (loader.Bot is not { } bot)
        {
            return Error(HttpStatusCode.ServiceUnavailable, "NotReady", "The bot is still loading its articles; try again shortly.");
        }

        var expectReplies = string.Equals(activity.DeliveryMode, ExpectReplies, StringComparison.Ordinal);
        var buffer = new BufferedSender();
        IActivitySender sender = expectReplies ? buffer : new ConnectorSender(connector);
        var turn = new TurnContext(activity, sender);
        try
        {
            await bot.OnTurnAsync(turn, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await OnTurnErrorAsync(turn, exception, cancellationToken);
        }

        if (activity.Type == ActivityTypes.Invoke)
        {
            var invoke = turn.InvokeResponse ?? new InvokeResponse((int)HttpStatusCode.NotImplemented, null);
            return Results.Json(invoke.Body, BotJson.Options, statusCode: invoke.Status);
        }

        return expectReplies ? Results.Json(new { activities = buffer.Activities }, BotJson.Options) : Results.Ok();
    }

    /// <summary>The whole body, or null once it exceeds <see cref="MaxBodyBytes"/> (whatever Content-Length claimed).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream source, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IResult Error(HttpStatusCode status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, BotJson.Options, statusCode: (int)status);

    private bool IsAuthorized(HttpContext http)
    {
        if (options.Value.IsAnonymous)
        {
            return http.Connection.RemoteIpAddress is not { } address || IPAddress.IsLoopback(address);
        }

        // Channel tokens are not validated yet, so no request is trusted when an app id is configured.
        return false;
    }

    private async Task OnTurnErrorAsync(TurnContext turn, Exception exception, CancellationToken cancellationToken)
    {
        LogTurnError(logger, exception, turn.Activity.Type, turn.Activity.ChannelId);
        try
        {
            await turn.SendAsync(new Activity { Text = "Sorry, something went wrong on my side. Please try again, or contact the clinic.", TextFormat = "plain" }, cancellationToken);
        }
        catch (HttpRequestException sendFailure)
        {
            LogTurnError(logger, sendFailure, turn.Activity.Type, turn.Activity.ChannelId);
        }

        turn.InvokeResponse ??= new InvokeResponse((int)HttpStatusCode.InternalServerError, null);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A {Type} turn on {Channel} failed")]
    private static partial void LogTurnError(ILogger logger, Exception exception, string? type, string? channel);
}
