namespace Bot.Core.Schema;

/// <summary>Buttons shown under the bot's latest message.</summary>
public sealed class SuggestedActions
{
    /// <summary>The buttons.</summary>
    public List<CardAction> Actions { get; set; } = [];
}
