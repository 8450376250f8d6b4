using System.Text.Json.Serialization;

namespace Bot.Cli;

/// <summary>
/// One labelled question of an evaluation file (one JSON object a line); <c>context</c>, when present, holds the
/// earlier messages of its conversation, answered first.
/// </summary>
internal sealed record EvalCase(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("expect")] string Expect,
    [property: JsonPropertyName("contains_any")] IReadOnlyList<string>? ContainsAny,
    [property: JsonPropertyName("context")] IReadOnlyList<string>? Context = null);
