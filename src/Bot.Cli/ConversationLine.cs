using System.Text.Json.Serialization;

namespace Bot.Cli;

/// <summary>A line of <c>ask --jsonl</c> that carries its conversation: the earlier messages, then the question.</summary>
internal sealed record ConversationLine(
    [property: JsonPropertyName("context")] IReadOnlyList<string>? Context,
    [property: JsonPropertyName("question")] string? Question);
