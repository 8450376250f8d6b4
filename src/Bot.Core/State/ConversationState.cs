using Bot.Knowledge.Understanding;

namespace Bot.Core.State;

/// <summary>What the bot remembers about one conversation.</summary>
public sealed record ConversationState
{
    /// <summary>The last question answered, for "tell me more".</summary>
    public string? LastQuestion { get; init; }

    /// <summary>The passages already cited for <see cref="LastQuestion"/>, so "tell me more" moves on.</summary>
    public IReadOnlyList<int> Seen { get; init; } = [];

    /// <summary>What the conversation is about, so a follow-up ("how is it treated?") is read against it.</summary>
    public ConversationTopic? Topic { get; init; }

    /// <summary>The latest answers sent, by the id the channel gave each message, so votes can name what they rate.</summary>
    public IReadOnlyDictionary<string, SentAnswer> SentAnswers { get; init; } = new Dictionary<string, SentAnswer>();

    /// <summary>Whether the not-medical-advice notice has been shown.</summary>
    public bool NoticeShown { get; init; }
}
