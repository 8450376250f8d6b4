using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Core.Schema;

/// <summary>
/// A Bot Framework activity (botframework-sdk specs/botframework-activity). Property names serialize exactly as the
/// schema spells them (camelCase, see <see cref="BotJson"/>); properties this type does not name are kept in
/// <see cref="Properties"/> and written back, so nothing a channel sends is lost in a round trip.
/// </summary>
public sealed class Activity
{
    /// <summary>The activity type (<see cref="ActivityTypes"/>).</summary>
    public string? Type { get; set; }

    /// <summary>Assigned by the channel.</summary>
    public string? Id { get; set; }

    /// <summary>When the channel sent it, UTC.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The base address for replies; set by the channel, never by the bot.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary><c>msteams</c>, <c>webchat</c>, <c>directline</c>, <c>emulator</c>…</summary>
    public string? ChannelId { get; set; }

    /// <summary>The sender.</summary>
    public ChannelAccount? From { get; set; }

    /// <summary>The conversation.</summary>
    public ConversationAccount? Conversation { get; set; }

    /// <summary>The receiver.</summary>
    public ChannelAccount? Recipient { get; set; }

    /// <summary><c>plain</c>, <c>markdown</c> or <c>xml</c>.</summary>
    public string? TextFormat { get; set; }

    /// <summary>Who joined (conversationUpdate).</summary>
    public List<ChannelAccount>? MembersAdded { get; set; }

    /// <summary>Who left (conversationUpdate).</summary>
    public List<ChannelAccount>? MembersRemoved { get; set; }

    /// <summary>BCP-47 locale.</summary>
    public string? Locale { get; set; }

    /// <summary>The message text.</summary>
    public string? Text { get; set; }

    /// <summary>Whether the bot expects input: accepting, expecting or ignoring.</summary>
    public string? InputHint { get; set; }

    /// <summary>Buttons offered with the message.</summary>
    public SuggestedActions? SuggestedActions { get; set; }

    /// <summary>
    /// Entities: mentions, schema.org citations…; each has a <c>type</c>. Received entities are
    /// <see cref="JsonElement"/>s; the bot's own are typed objects, serialized as they are.
    /// </summary>
    public List<object>? Entities { get; set; }

    /// <summary>Channel-specific data, kept as sent.</summary>
    public JsonElement? ChannelData { get; set; }

    /// <summary>The activity this one replies to.</summary>
    public string? ReplyToId { get; set; }

    /// <summary>The value of an invoke or a card action.</summary>
    public JsonElement? Value { get; set; }

    /// <summary>The name of an invoke or event.</summary>
    public string? Name { get; set; }

    /// <summary><c>expectReplies</c> asks for the replies in the HTTP response.</summary>
    public string? DeliveryMode { get; set; }

    /// <summary>Everything else the sender included, written back unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
