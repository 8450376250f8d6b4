using System.Net;
using Bot.Core.Schema;
using Bot.Core.Turns;
using Bot.Web.Authentication;
using Bot.Web.Connector;
using Microsoft.Extensions.Options;

namespace Bot.Web.Hosting;

/// <summary>
/// The HTTP edge of the Bot Framework protocol (Bot Builder's CloudAdapter, thin): read and check the request,
/// authenticate the caller, run the turn, write the response. Replies go to the channel's connector, or into the
/// response body when the activity asks for <c>deliveryMode: expectReplies</c>. The turn itself runs in the
/// <see cref="TurnRunner"/>.
/// </summary>
public sealed partial class BotAdapter(TurnRunner turns, ConnectorClient connector, ChannelTokenValidator validator, DeliveryDeduplicator deliveries, IOptions<BotOptions> options, ILogger<BotAdapter> logger)
{
    private const string ExpectReplies = "expectReplies";

    /// <summary>
    /// Handles one POST to /api/messages: 401 unless the caller is authenticated (see <see cref="ChannelTokenValidator"/>),
    /// or, with no app id configured, on this machine and not relayed by a proxy; 400 when replies would go to a
    /// serviceUrl <see cref="ServiceUrlPolicy"/> does not allow.
    /// </summary>
    public async Task<IResult> ProcessAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var anonymous = options.Value.IsAnonymous;
        if (anonymous && ((http.Connection.RemoteIpAddress is { } address && !IPAddress.IsLoopback(address)) || CameThroughProxy(http.Request)))
        {
            return Error(HttpStatusCode.Unauthorized, "Unauthorized", "Without an app id this bot accepts requests from this machine only, not through a proxy or tunnel.");
        }

        var authorization = http.Request.Headers.Authorization.ToString();
        if (!anonymous && authorization.Length == 0)
        {
            return Error(HttpStatusCode.Unauthorized, "Unauthorized", "A Bot Framework token is required.");
        }

        var (activity, error) = await ActivityRequest.ReadAsync(http.Request, cancellationToken);
        if (activity is null)
        {
            return error!;
        }

        if (!anonymous && await validator.ValidateAsync(authorization, activity, cancellationToken) is { } refusal)
        {
            LogRefused(logger, refusal, activity.ChannelId);
            return Error(HttpStatusCode.Unauthorized, "Unauthorized", "The Bot Framework token is not valid for this bot.");
        }

        if (!turns.IsReady)
        {
            return ApiError.NotReady();
        }

        var expectReplies = string.Equals(activity.DeliveryMode, ExpectReplies, StringComparison.Ordinal);
        if (!expectReplies && !ServiceUrlPolicy.Allows(activity.ServiceUrl, anonymous))
        {
            LogRefused(logger, "serviceUrl not allowed", activity.ChannelId);
            return Error(HttpStatusCode.BadRequest, "BadServiceUrl", anonymous
                ? "Without an app id replies go only to an http(s) serviceUrl on this machine."
                : "The serviceUrl must be an https address.");
        }

        if (activity.Type == ActivityTypes.Message && !deliveries.TryTake(activity.ChannelId, activity.Conversation?.Id, activity.Id))
        {
            return expectReplies ? Results.Json(new ExpectedReplies([]), BotJson.Options) : Results.Ok();
        }

        var buffer = new BufferedSender();
        IActivitySender sender = expectReplies ? buffer : new ConnectorSender(connector);
        if (await turns.RunAsync(activity, sender, showTyping: !expectReplies && activity.Type == ActivityTypes.Message, cancellationToken) is not { } turn)
        {
            return ApiError.NotReady();
        }

        if (activity.Type == ActivityTypes.Invoke)
        {
            var invoke = turn.InvokeResponse ?? new InvokeResponse((int)HttpStatusCode.NotImplemented, null);
            return Results.Json(invoke.Body, BotJson.Options, statusCode: invoke.Status);
        }

        return expectReplies ? Results.Json(new ExpectedReplies(buffer.Activities), BotJson.Options) : Results.Ok();
    }

    /// <summary>
    /// Whether a reverse proxy or tunnel relayed the request: it makes every caller look local, so anonymous mode
    /// refuses what carries the headers such relays add (RFC 7239 Forwarded and the X-Forwarded-* family).
    /// </summary>
    private static bool CameThroughProxy(HttpRequest request) =>
        request.Headers.ContainsKey("Forwarded") || request.Headers.Keys.Any(name => name.StartsWith("X-Forwarded-", StringComparison.OrdinalIgnoreCase))
        || request.Headers.ContainsKey("X-Real-IP") || request.Headers.ContainsKey("X-Original-For");

    private static IResult Error(HttpStatusCode status, string code, string message) => ApiError.Result(status, code, message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an activity from {Channel}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason, string? channel);
}
