namespace Bot.Core.Analytics;

/// <summary>One day's outcomes.</summary>
/// <param name="Date">The UTC day.</param>
/// <param name="Questions">Answered, declined and emergency questions.</param>
/// <param name="Answered">Answered from the corpus.</param>
/// <param name="Declined">Not answerable from the corpus.</param>
/// <param name="Emergencies">Routed to emergency services.</param>
/// <param name="ClinicRequests">Requests for the clinic.</param>
/// <param name="RatedUp">Helpful votes.</param>
/// <param name="RatedDown">Unhelpful votes.</param>
/// <param name="Deflected">Answered questions not rated down and not followed by a clinic request.</param>
public sealed record DeflectionDay(DateOnly Date, int Questions, int Answered, int Declined, int Emergencies, int ClinicRequests, int RatedUp, int RatedDown, int Deflected)
{
    /// <summary>Deflected over all questions; 0 on a day without questions.</summary>
    public double Rate => Questions == 0 ? 0 : Deflected / (double)Questions;
}
