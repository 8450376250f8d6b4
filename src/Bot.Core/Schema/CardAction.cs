namespace Bot.Core.Schema;

/// <summary>A button: <c>imBack</c> sends <see cref="Value"/> as the user's message.</summary>
public sealed class CardAction
{
    /// <summary>The action type, e.g. <c>imBack</c>.</summary>
    public string Type { get; set; } = "imBack";

    /// <summary>The button's label.</summary>
    public string? Title { get; set; }

    /// <summary>What the button sends.</summary>
    public string? Value { get; set; }
}
