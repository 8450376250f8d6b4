using System.Text.Json.Serialization;

namespace Bot.Cli;

/// <summary>One labelled question of an evaluation file (one JSON object a line).</summary>
internal sealed record EvalCase(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("expect")] string Expect,
    [property: JsonPropertyName("contains_any")] IReadOnlyList<string>? ContainsAny);
