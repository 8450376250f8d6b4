using System.Net;
using System.Net.Http.Json;
using Bot.Core.Schema;

namespace Bot.Web.Connector;

/// <summary>
/// Sends the bot's activities to a channel's connector (Bot Framework REST: ReplyToActivity when the reply names the
/// activity it answers, SendToConversation otherwise), retrying transient failures (408, 429, 5xx but 501 and 505)
/// with exponential backoff and jitter, honouring Retry-After. The bot's token goes only to the serviceUrl of the
/// activity being answered, which authentication has checked against the caller's token.
/// </summary>
public sealed partial class ConnectorClient(HttpClient http, BotTokenProvider tokens, ILogger<ConnectorClient> logger)
{
    private const int MaxAttempts = 4;

    /// <summary>Posts <paramref name="activity"/> to its conversation at its <c>serviceUrl</c>; returns the id the channel gave it.</summary>
    public async Task<string?> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var baseUrl = (activity.ServiceUrl ?? throw new InvalidOperationException("A reply needs the serviceUrl of the activity it answers.")).TrimEnd('/');
        var conversation = Uri.EscapeDataString(activity.Conversation?.Id ?? throw new InvalidOperationException("A reply needs a conversation id."));
        var address = activity.ReplyToId is { Length: > 0 } replyTo
            ? $"{baseUrl}/v3/conversations/{conversation}/activities/{Uri.EscapeDataString(replyTo)}"
            : $"{baseUrl}/v3/conversations/{conversation}/activities";
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address)) { Content = JsonContent.Create(activity, options: BotJson.Options) };
            if (await tokens.GetTokenAsync(cancellationToken) is { } token)
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return await ResourceIdAsync(response, cancellationToken);
            }

            if (attempt == MaxAttempts || !IsTransient(response.StatusCode))
            {
                LogRejected(logger, (int)response.StatusCode, activity.Conversation.Id);
                response.EnsureSuccessStatusCode();
            }

            await Task.Delay(Delay(response, attempt), cancellationToken);
        }
    }

    /// <summary>The <c>id</c> of the connector's ResourceResponse, when it sent one.</summary>
    private static async Task<string?> ResourceIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(cancellationToken);
            return body.ValueKind == System.Text.Json.JsonValueKind.Object && body.TryGetProperty("id", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String ? id.GetString() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        || ((int)status >= 500 && status is not HttpStatusCode.NotImplemented and not HttpStatusCode.HttpVersionNotSupported);

    private static TimeSpan Delay(HttpResponseMessage response, int attempt)
    {
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            var wait = retryAfter.Delta ?? (retryAfter.Date - DateTimeOffset.UtcNow) ?? TimeSpan.Zero;
            return TimeSpan.FromTicks(Math.Clamp(wait.Ticks, 0, TimeSpan.FromSeconds(10).Ticks));
        }

        var backoff = TimeSpan.FromMilliseconds(200 * Math.Pow(2, attempt - 1));
        return backoff + TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)backoff.TotalMilliseconds));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The connector answered {Status} to a reply in conversation {Conversation}")]
    private static partial void LogRejected(ILogger logger, int status, string? conversation);
}
