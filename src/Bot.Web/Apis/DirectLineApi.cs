using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Bot.Core.Schema;
using Bot.Core.State;
using Bot.Web.DirectLine;
using Bot.Web.Hosting;

namespace Bot.Web.Apis;

/// <summary>
/// Direct Line 3.0 under <c>/v3/directline</c>, in the shapes botframework-directlinejs (and so Web Chat) expects:
/// tokens, conversations, activities with watermarks, and the WebSocket stream. Errors are
/// <c>{"error":{"code","message"}}</c>: 401 without credentials, 403 for a forged, expired or foreign token, 404 for
/// an unknown conversation.
/// </summary>
public static class DirectLineApi
{
    /// <summary>The most activities one GET or one stream frame returns.</summary>
    public const int PageSize = 100;

    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapDirectLineApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v3/directline");
        api.RequireCors(WidgetApi.CorsPolicy);
        api.MapPost("/tokens/generate", GenerateAsync);
        api.MapPost("/tokens/refresh", Refresh);
        api.MapPost("/conversations", StartAsync);
        api.MapGet("/conversations/{conversationId}", ReconnectAsync);
        api.MapPost("/conversations/{conversationId}/activities", PostAsync);
        api.MapGet("/conversations/{conversationId}/activities", GetAsync);
        api.MapGet("/conversations/{conversationId}/stream", StreamAsync);
        api.MapPost("/conversations/{conversationId}/upload", UploadAsync);
        return api;
    }

    private static async Task<IResult> GenerateAsync(HttpContext http, DirectLineTokens tokens)
    {
        var (error, grant) = Authorize(http, tokens);
        if (grant is null)
        {
            return error!;
        }

        if (!grant.IsSecret)
        {
            return Error(HttpStatusCode.Forbidden, "Forbidden", "tokens/generate takes the Direct Line secret.");
        }

        var user = await ReadUserAsync(http);
        return Results.Json(tokens.Conversation(DirectLineTokens.NewConversationId(), user ?? DirectLineTokens.NewUserId()));
    }

    private static IResult Refresh(HttpContext http, DirectLineTokens tokens)
    {
        var (error, grant) = Authorize(http, tokens);
        if (grant?.Claims is not { } claims)
        {
            return error ?? Error(HttpStatusCode.Forbidden, "Forbidden", "tokens/refresh takes a token, not the secret.");
        }

        return Results.Json(tokens.Conversation(claims.ConversationId, claims.UserId));
    }

    private static async Task<IResult> StartAsync(HttpContext http, DirectLineTokens tokens, DirectLineChannel channel, CancellationToken cancellationToken)
    {
        var (error, grant) = Authorize(http, tokens);
        if (grant is null)
        {
            return error!;
        }

        if (!channel.IsReady)
        {
            return ApiError.NotReady();
        }

        var conversationId = grant.Claims?.ConversationId ?? DirectLineTokens.NewConversationId();
        var userId = grant.Claims?.UserId ?? await ReadUserAsync(http) ?? DirectLineTokens.NewUserId();
        var created = await channel.StartAsync(conversationId, userId, cancellationToken);
        var conversation = tokens.Conversation(conversationId, userId, StreamUrl(http, tokens, conversationId, userId, watermark: null));
        return Results.Json(conversation, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> ReconnectAsync(string conversationId, HttpContext http, DirectLineTokens tokens, DirectLineChannel channel, CancellationToken cancellationToken)
    {
        var (error, grant) = await OpenAsync(http, tokens, channel, conversationId, cancellationToken);
        if (grant is null)
        {
            return error!;
        }

        var userId = grant.Claims?.UserId ?? DirectLineTokens.NewUserId();
        var watermark = http.Request.Query["watermark"].ToString();
        return Results.Json(tokens.Conversation(conversationId, userId, StreamUrl(http, tokens, conversationId, userId, watermark)));
    }

    private static async Task<IResult> PostAsync(string conversationId, HttpContext http, DirectLineTokens tokens, DirectLineChannel channel, CancellationToken cancellationToken)
    {
        var (error, grant) = await OpenAsync(http, tokens, channel, conversationId, cancellationToken);
        if (grant is null)
        {
            return error!;
        }

        var (activity, refusal) = await ActivityRequest.ReadAsync(http.Request, cancellationToken);
        if (activity is null)
        {
            return refusal!;
        }

        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.Event or ActivityTypes.Invoke or ActivityTypes.Typing))
        {
            return Error(HttpStatusCode.BadRequest, "BadArgument", "Post a message, event, invoke or typing activity.");
        }

        if (!channel.IsReady)
        {
            return ApiError.NotReady();
        }

        var userId = grant.Claims?.UserId ?? activity.From?.Id;
        if (string.IsNullOrWhiteSpace(userId))
        {
            return Error(HttpStatusCode.BadRequest, "BadArgument", "With the secret, the activity must say who it is from (from.id).");
        }

        var id = await channel.PostAsync(conversationId, userId, activity, cancellationToken);
        return Results.Json(new { id });
    }

    private static async Task<IResult> UploadAsync(string conversationId, HttpContext http, DirectLineTokens tokens, DirectLineChannel channel, CancellationToken cancellationToken)
    {
        var (error, _) = await OpenAsync(http, tokens, channel, conversationId, cancellationToken);
        return error ?? Error(HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType", "This bot reads text messages only; attachments are not accepted.");
    }

    private static async Task<IResult> GetAsync(string conversationId, HttpContext http, DirectLineTokens tokens, DirectLineChannel channel, CancellationToken cancellationToken)
    {
        if (await OpenAsync(http, tokens, channel, conversationId, cancellationToken) is { Error: { } error })
        {
            return error;
        }

        if (!TryReadWatermark(http.Request.Query["watermark"].ToString(), out var watermark))
        {
            return Error(HttpStatusCode.BadRequest, "BadArgument", "The watermark is not one this service gave.");
        }

        var page = await channel.Store.ReadAsync(conversationId, watermark, PageSize, cancellationToken);
        return Results.Json(ActivitySet(page), BotJson.Options);
    }

    private static async Task StreamAsync(string conversationId, HttpContext http, DirectLineTokens tokens, DirectLineChannel channel)
    {
        var cancellationToken = http.RequestAborted;
        var (check, claims) = tokens.Read(http.Request.Query["t"].ToString(), DirectLineTokens.StreamScope);
        var watermarkRead = TryReadWatermark(http.Request.Query["watermark"].ToString(), out var watermark);
        IResult? refusal = check switch
        {
            _ when !http.WebSockets.IsWebSocketRequest => Error(HttpStatusCode.BadRequest, "BadArgument", "Open the stream as a WebSocket."),
            TokenCheck.Forged => Error(HttpStatusCode.Forbidden, "Forbidden", "The stream URL is not valid."),
            TokenCheck.Expired => Error(HttpStatusCode.Forbidden, "TokenExpired", "The stream URL has expired; reconnect to get a new one."),
            _ when claims!.ConversationId != conversationId => Error(HttpStatusCode.Forbidden, "Forbidden", "The stream URL is for another conversation."),
            _ when !await channel.Store.ExistsAsync(conversationId, cancellationToken) => Error(HttpStatusCode.NotFound, "NotFound", "No such conversation."),
            _ when !watermarkRead => Error(HttpStatusCode.BadRequest, "BadArgument", "The watermark is not one this service gave."),
            _ => null,
        };
        if (refusal is not null)
        {
            await refusal.ExecuteAsync(http);
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = DiscardIncomingAsync(socket, closed);
        try
        {
            while (!closed.IsCancellationRequested)
            {
                var page = await channel.Store.ReadAsync(conversationId, watermark, PageSize, closed.Token);
                if (page.Activities.Count == 0)
                {
                    await channel.Store.WaitAsync(conversationId, watermark, closed.Token);
                    continue;
                }

                watermark = page.Watermark;
                var frame = JsonSerializer.SerializeToUtf8Bytes(ActivitySet(page), BotJson.Options);
                await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, closed.Token);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or KeyNotFoundException)
        {
            // The client left, the host is stopping, or the conversation expired: the stream ends either way.
        }

        // Start or complete the close handshake, then give the client a few seconds to finish its side.
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // The client is gone already.
            }
        }

        closed.CancelAfter(TimeSpan.FromSeconds(5));
        await reading;
    }

    /// <summary>Reads (and drops) what the client sends until it closes; then stops the stream.</summary>
    private static async Task DiscardIncomingAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open && (await socket.ReceiveAsync(buffer, closed.Token)).MessageType != WebSocketMessageType.Close)
            {
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // A broken connection ends the stream like a close does.
        }

        await closed.CancelAsync();
    }

    private static object ActivitySet(TranscriptPage page) => new
    {
        activities = page.Activities,
        watermark = page.Watermark < 0 ? null : page.Watermark.ToString(CultureInfo.InvariantCulture),
    };

    private static bool TryReadWatermark(string text, out long watermark)
    {
        watermark = -1;
        return text.Length == 0 || (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out watermark) && watermark < long.MaxValue);
    }

    private static string StreamUrl(HttpContext http, DirectLineTokens tokens, string conversationId, string userId, string? watermark)
    {
        var token = tokens.Issue(conversationId, userId, DirectLineTokens.StreamScope, DirectLineTokens.StreamLifetime);
        var scheme = http.Request.IsHttps ? "wss" : "ws";
        var query = string.IsNullOrEmpty(watermark) ? string.Empty : "&watermark=" + Uri.EscapeDataString(watermark);
        return $"{scheme}://{http.Request.Host}{http.Request.PathBase}/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={token}{query}";
    }

    /// <summary>The caller's grant for <paramref name="conversationId"/>, or the refusal: 401/403 as for any call, 404 when the conversation is unknown.</summary>
    private static async Task<(IResult? Error, DirectLineGrant? Grant)> OpenAsync(HttpContext http, DirectLineTokens tokens, DirectLineChannel channel, string conversationId, CancellationToken cancellationToken)
    {
        var (error, grant) = Authorize(http, tokens);
        if (grant is null)
        {
            return (error, null);
        }

        if (!grant.Opens(conversationId))
        {
            return (Error(HttpStatusCode.Forbidden, "Forbidden", "The token is for another conversation."), null);
        }

        return await channel.Store.ExistsAsync(conversationId, cancellationToken)
            ? (null, grant)
            : (Error(HttpStatusCode.NotFound, "NotFound", "No such conversation; it may have ended."), null);
    }

    /// <summary>The bearer's grant: the secret, or a valid conversation token; 401 without one, 403 for a forged or expired one.</summary>
    private static (IResult? Error, DirectLineGrant? Grant) Authorize(HttpContext http, DirectLineTokens tokens)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            return (Error(HttpStatusCode.Unauthorized, "Unauthorized", "Send the Direct Line secret or a token as a Bearer token."), null);
        }

        var bearer = header[7..].Trim();
        if (tokens.IsSecret(bearer))
        {
            return (null, new DirectLineGrant(true, null));
        }

        return tokens.Read(bearer, DirectLineTokens.ConversationScope) switch
        {
            (TokenCheck.Valid, var claims) => (null, new DirectLineGrant(false, claims)),
            (TokenCheck.Expired, _) => (Error(HttpStatusCode.Forbidden, "TokenExpired", "The token has expired."), null),
            _ => (Error(HttpStatusCode.Forbidden, "Forbidden", "The token is not valid."), null),
        };
    }

    private static async Task<string?> ReadUserAsync(HttpContext http)
    {
        if (http.Request.ContentLength is null or 0 || await RequestBody.ReadAsync(http.Request, 4096, http.RequestAborted) is not { Length: > 0 } body)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object
                && user.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && id.GetString() is { Length: > 0 and <= 256 } text
                ? text
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Error(HttpStatusCode status, string code, string message) => ApiError.Result(status, code, message);
}
