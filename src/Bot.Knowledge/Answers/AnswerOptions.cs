namespace Bot.Knowledge.Answers;

/// <summary>How answers are chosen and shaped, bound from the <c>Answers</c> configuration section.</summary>
public sealed record AnswerOptions
{
    /// <summary>The least share of the question's importance a further cited passage (or a defining one moved first) must cover.</summary>
    public double MinCoverage { get; init; } = 0.45;

    /// <summary>A further passage is cited only when its score is at least this share of the best one's.</summary>
    public double SecondaryScoreRatio { get; init; } = 0.6;

    /// <summary>The most citations in one answer.</summary>
    public int MaxCitations { get; init; } = 2;

    /// <summary>The longest answer text, in characters.</summary>
    public int MaxAnswerLength { get; init; } = 500;

    /// <summary>
    /// First messages of a conversation whose replies are kept for the next time they are asked (FAQ traffic repeats:
    /// "what is sarcopenia" many times a day); past that, the memory starts afresh. 0 keeps none.
    /// </summary>
    public int RememberedReplies { get; init; } = 10_000;

    /// <summary>The notice channels show once per conversation.</summary>
    public string Notice { get; init; } =
        "This is general information, not medical advice. For advice about your own health, talk to your doctor or the clinic.";
}
