using System.Text.Json.Serialization;

namespace Bot.Web.DirectLine;

/// <summary>Direct Line 3.0's Conversation object, returned by tokens/generate, tokens/refresh and conversations.</summary>
/// <param name="ConversationId">The conversation.</param>
/// <param name="Token">A token for this conversation only.</param>
/// <param name="ExpiresIn">Seconds until <paramref name="Token"/> expires.</param>
/// <param name="StreamUrl">The WebSocket to read the conversation from; null from the token endpoints.</param>
public sealed record ConversationResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StreamUrl);
