namespace Bot.Core.Analytics;

/// <summary>What became of a question, or what the user said of an answer.</summary>
public enum QuestionOutcome
{
    /// <summary>Answered from the corpus, with a confidence.</summary>
    Answered,

    /// <summary>The corpus had no answer.</summary>
    Declined,

    /// <summary>Routed to emergency services.</summary>
    Emergency,

    /// <summary>The user asked for the clinic.</summary>
    ClinicRequested,

    /// <summary>An answer was rated helpful.</summary>
    RatedUp,

    /// <summary>An answer was rated unhelpful.</summary>
    RatedDown,
}
