using System.Net.Http.Json;
using System.Text.Json;
using Bot.Core.Schema;
using Bot.Web.Telemetry;

namespace Bot.Web.Connector;

/// <summary>
/// Sends the bot's activities to a channel's connector (Bot Framework REST: ReplyToActivity when the reply names the
/// activity it answers, SendToConversation otherwise) through the HttpClient that <see cref="ConnectorResilience"/>
/// equips. The bot's token goes only to the serviceUrl of the activity being answered, which authentication has
/// checked against the caller's token and <see cref="ServiceUrlPolicy"/> allows. A failed send is logged once.
/// </summary>
public sealed partial class ConnectorClient(HttpClient http, BotTokenProvider tokens, ILogger<ConnectorClient> logger)
{
    /// <summary>Posts <paramref name="activity"/> to its conversation at its <c>serviceUrl</c>; returns the id the channel gave it.</summary>
    public async Task<string?> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var baseUrl = (activity.ServiceUrl ?? throw new InvalidOperationException("A reply needs the serviceUrl of the activity it answers.")).TrimEnd('/');
        var conversation = Uri.EscapeDataString(activity.Conversation?.Id ?? throw new InvalidOperationException("A reply needs a conversation id."));
        var address = activity.ReplyToId is { Length: > 0 } replyTo
            ? $"{baseUrl}/v3/conversations/{conversation}/activities/{Uri.EscapeDataString(replyTo)}"
            : $"{baseUrl}/v3/conversations/{conversation}/activities";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address)) { Content = JsonContent.Create(activity, options: BotJson.Options) };
        if (await tokens.GetTokenAsync(cancellationToken) is { } token)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException)
        {
            LogFailed(logger, exception.GetType().Name, activity.Type, activity.Conversation.Id);
            BotTelemetry.ConnectorFailure(exception.GetType().Name);
            throw new HttpRequestException("The connector could not be reached.", exception);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                LogFailed(logger, status, activity.Type, activity.Conversation.Id);
                BotTelemetry.ConnectorFailure(status);
                throw new HttpRequestException($"The connector answered {(int)response.StatusCode}.", null, response.StatusCode);
            }

            return await ResourceIdAsync(response, cancellationToken);
        }
    }

    /// <summary>The <c>id</c> of the connector's ResourceResponse, when it sent one.</summary>
    private static async Task<string?> ResourceIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            return body.ValueKind == JsonValueKind.Object && body.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending a {Type} to the connector failed ({Failure}) in conversation {Conversation}")]
    private static partial void LogFailed(ILogger logger, string failure, string? type, string? conversation);
}
