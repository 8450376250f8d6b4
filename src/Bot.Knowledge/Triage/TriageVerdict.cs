namespace Bot.Knowledge.Triage;

/// <summary>What triage made of a message: an emergency, small talk, or neither (a question for retrieval).</summary>
/// <param name="Emergency">The emergency the message describes, if any; it outranks everything else.</param>
/// <param name="SmallTalk">The small talk the message is, if it is only that.</param>
/// <param name="EmergencyProbability">The model's probability that the message (or its most alarming sentence) is an emergency; 1 for a rule.</param>
public sealed record TriageVerdict(Emergency? Emergency, SmallTalk? SmallTalk, float EmergencyProbability)
{
    /// <summary>Neither emergency nor small talk.</summary>
    public bool IsQuestion => Emergency is null && SmallTalk is null;
}
