using Bot.Knowledge.Understanding;

namespace Bot.Knowledge.Triage;

/// <summary>
/// Triage before retrieval, by rules and meaning together. Emergencies first: the deterministic rules catch the plain
/// cases ("can't breathe", "kill myself") in any sentence of the message, and the model reads the meaning of the whole
/// message, so an emergency told in other words is caught too. (Scoring each sentence alone with the model was tried:
/// a sentence without the rest of its message, "my legs feel weak", alarms far more often for no more emergencies.) Then small talk:
/// the rules for plain greetings and thanks, the model for the rest of short messages. Recall comes first for
/// emergencies: the threshold is set low, because a missed emergency is harm and a false alarm a nuisance.
/// </summary>
public sealed class MessageTriage(TriageModel model)
{
    /// <summary>Longest message, in words, that can be small talk: longer ones carry a question or a story.</summary>
    public const int MaxSmallTalkWords = 16;

    private static readonly Dictionary<string, Emergency> EmergencyCategories = new(StringComparer.Ordinal)
    {
        ["stroke"] = Emergency.Stroke,
        ["breathing"] = Emergency.Breathing,
        ["choking"] = Emergency.Breathing,
        ["chest_pain"] = Emergency.ChestPain,
        ["cauda_equina"] = Emergency.SuddenWeakness,
        ["sudden_paralysis"] = Emergency.SuddenWeakness,
        ["self_harm"] = Emergency.SelfHarm,
        ["collapse"] = Emergency.Collapse,
        ["seizure"] = Emergency.Collapse,
        ["anaphylaxis"] = Emergency.Collapse,
        ["bleeding"] = Emergency.Collapse,
        ["overdose"] = Emergency.Poisoning,
    };

    /// <summary>The model this triage reads meaning with.</summary>
    public TriageModel Model => model;

    /// <summary>Classifies <paramref name="message"/>.</summary>
    public TriageVerdict Classify(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Sentences.Select(EmergencyRules.Detect).FirstOrDefault(flag => flag is not null) is { } flag)
        {
            return new TriageVerdict(flag, null, 1);
        }

        var whole = model.Probabilities(TriageCues.Features(message.Vector, message.Text));
        var (emergency, probability) = MostAlarming(message.Vector, whole);
        if (probability >= model.Thresholds.Emergency)
        {
            return new TriageVerdict(emergency, null, probability);
        }

        if (string.IsNullOrWhiteSpace(message.Text))
        {
            return new TriageVerdict(null, Triage.SmallTalk.Greeting, probability);
        }

        return new TriageVerdict(null, SmallTalk(message, whole), probability);
    }

    private SmallTalk? SmallTalk(Message message, float[] probabilities)
    {
        if (SmallTalkRules.Detect(message.Text) is { } rule)
        {
            return rule;
        }

        if (TextNormalizer.Normalize(message.Text).Split(' ').Length > MaxSmallTalkWords)
        {
            return null;
        }

        var best = 0;
        for (var label = 1; label < probabilities.Length; label++)
        {
            best = probabilities[label] > probabilities[best] ? label : best;
        }

        var name = model.Labels[best];
        return name.StartsWith(TriageModel.SmallTalkPrefix, StringComparison.Ordinal) && probabilities[best] >= model.Thresholds.SmallTalk
            && Enum.TryParse<SmallTalk>(name[TriageModel.SmallTalkPrefix.Length..].Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var intent)
            ? intent
            : null;
    }

    /// <summary>How likely a text is an emergency, and the kind of its likeliest emergency class.</summary>
    private (Emergency Kind, float Probability) MostAlarming(float[] vector, float[] probabilities)
    {
        var best = -1;
        for (var label = 0; label < probabilities.Length; label++)
        {
            best = model.IsEmergency[label] && (best < 0 || probabilities[label] > probabilities[best]) ? label : best;
        }

        var kind = best < 0 ? Emergency.Other : EmergencyCategories.GetValueOrDefault(model.Labels[best][TriageModel.EmergencyPrefix.Length..], Emergency.Other);
        return (kind, model.EmergencyProbability(vector, probabilities));
    }
}
