using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Core.Schema;

/// <summary>A user or bot on a channel; unknown properties round-trip (<see cref="Properties"/>), as Bot Builder keeps them.</summary>
public sealed class ChannelAccount
{
    /// <summary>The channel's id for the account.</summary>
    public string? Id { get; set; }

    /// <summary>Display name.</summary>
    public string? Name { get; set; }

    /// <summary>The Entra object id (Teams).</summary>
    public string? AadObjectId { get; set; }

    /// <summary><c>user</c> or <c>bot</c>.</summary>
    public string? Role { get; set; }

    /// <summary>Properties this type does not name (a channel's own, or newer ones), kept so they are written back unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
