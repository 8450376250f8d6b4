using System.Text.RegularExpressions;
using Bot.Knowledge.Understanding;

namespace Bot.Knowledge.Triage;

/// <summary>
/// Cues of when and how a message speaks, which a sentence vector carries weakly: a sentence model places "I had a
/// stroke two years ago" and "I think I'm having a stroke" close together, because they are about the same thing.
/// Each cue is 0 or 1 and joins the vector as one more feature; the model learns what each is worth.
/// </summary>
public static partial class TriageCues
{
    private static readonly Regex[] Cues =
    [
        QuestionOpening(),
        QuestionMark(),
        General(),
        DistantPast(),
        PastTense(),
        Resolved(),
        LongStanding(),
        Acute(),
        Reading(),
        Figurative(),
        PresentSelf(),
    ];

    /// <summary>How many cues there are; also one more for a long message.</summary>
    public static int Count => Cues.Length + 1;

    /// <summary>The message vector followed by the cues of <paramref name="text"/>.</summary>
    public static float[] Features(ReadOnlySpan<float> vector, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = TextNormalizer.Normalize(text);
        var features = new float[vector.Length + Count];
        vector.CopyTo(features);
        for (var i = 0; i < Cues.Length; i++)
        {
            features[vector.Length + i] = (i == 1 ? Cues[i].IsMatch(text) : Cues[i].IsMatch(normalized)) ? 1 : 0;
        }

        features[^1] = normalized.Split(' ').Length > 40 ? 1 : 0;
        return features;
    }

    [GeneratedRegex(@"^(what|whats|what's|how|why|does|do|did|can|could|is|are|should|will|would|when|which|who|wat|wot|r|y)\b")]
    private static partial Regex QuestionOpening();

    [GeneratedRegex(@"\?")]
    private static partial Regex QuestionMark();

    [GeneratedRegex(@"\b(if (someone|a person|my|your|you|he|she|they)|what (to|do you|should you) do|how (to|do you|can you) (tell|help|know|spot)|signs? of|symptoms? of|warning signs?|in general|usually|ever)\b")]
    private static partial Regex General();

    [GeneratedRegex(@"\b((years?|months?|weeks?) ago|years back|last (week|month|year|spring|summer|autumn|winter|christmas)|in the past|back in|as a (baby|child|kid)|when (i|he|she) was)\b")]
    private static partial Regex DistantPast();

    [GeneratedRegex(@"\b(had|was|were|used to|once|previously|after (my|his|her|the))\b")]
    private static partial Regex PastTense();

    [GeneratedRegex(@"\b(fine now|better now|ok now|okay now|recovered|no longer|went away|came back|it passed|all good|settled|doing (fine|well|ok))\b")]
    private static partial Regex Resolved();

    [GeneratedRegex(@"\b(for (years|months|ages|a while|weeks|a long time)|since (i|he|she|my|his|her|last|the)|always|slowly|gradually|over (time|the (past|last))|on and off|these days|lately|getting (worse|weaker|thinner))\b")]
    private static partial Regex LongStanding();

    [GeneratedRegex(@"\b(right now|now|just now|suddenly|all of a sudden|out of nowhere|help|please|hurry|quick|asap|ambulance|(a few |few |ten |\d+ )?minutes?( ago)?|an hour ago|tonight|this (morning|evening|afternoon)|keeps? getting worse)\b")]
    private static partial Regex Acute();

    [GeneratedRegex(@"\b(article|read|news|show|series|film|movie|novel|book|tiktok|facebook|youtube|instagram|heard|story|character|documentary)\b")]
    private static partial Regex Reading();

    [GeneratedRegex(@"\b(haha|lol|lmao|jk|gym|leg day|workout|work out|laughing|joke|squats?|bench press|run|running|hike)\b")]
    private static partial Regex Figurative();

    [GeneratedRegex(@"\b(i'm|im|i am|i can't|i cant|i cannot|he's|she's|hes|shes|he is|she is|is not|isn't|won't|wont|can't|cant)\b")]
    private static partial Regex PresentSelf();
}
