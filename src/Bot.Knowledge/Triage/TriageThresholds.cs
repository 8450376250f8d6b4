using System.Text.Json.Serialization;

namespace Bot.Knowledge.Triage;

/// <summary>The probabilities at which the triage model's verdicts count, chosen by cross-validation when it is trained.</summary>
/// <param name="Emergency">A message whose emergency classes add up to at least this is an emergency.</param>
/// <param name="SmallTalk">A short message whose most likely class is small talk at least this likely is small talk.</param>
public sealed record TriageThresholds(
    [property: JsonPropertyName("emergency")] float Emergency,
    [property: JsonPropertyName("smallTalk")] float SmallTalk);
