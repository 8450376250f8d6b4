namespace Bot.Core.Schema;

/// <summary>A user or bot on a channel.</summary>
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
}
