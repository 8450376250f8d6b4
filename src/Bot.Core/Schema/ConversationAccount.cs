using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Core.Schema;

/// <summary>The conversation an activity belongs to; unknown properties round-trip (<see cref="Properties"/>), as Bot Builder keeps them.</summary>
public sealed class ConversationAccount
{
    /// <summary>The channel's id for the conversation.</summary>
    public string? Id { get; set; }

    /// <summary>Display name.</summary>
    public string? Name { get; set; }

    /// <summary>Whether more than two parties take part.</summary>
    public bool? IsGroup { get; set; }

    /// <summary>The channel's kind of conversation (Teams: personal, groupChat, channel).</summary>
    public string? ConversationType { get; set; }

    /// <summary>The Entra tenant (Teams).</summary>
    public string? TenantId { get; set; }

    /// <summary>Properties this type does not name (a channel's own, or newer ones), kept so they are written back unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
