using Bot.Knowledge.Analysis;

namespace Bot.Core.Analytics;

/// <summary>
/// How many questions the bot settled without the clinic, day by day, and where it fell short. A question counts as
/// deflected when it was answered, its answer was not rated down, and its conversation did not ask for the clinic
/// afterwards; the rate is deflected questions over all questions (answered, declined, emergencies).
/// </summary>
/// <param name="Days">One entry per UTC day of the period, oldest first.</param>
/// <param name="TopUnanswered">The questions declined most often.</param>
/// <param name="WorstRated">The answers with the most unhelpful votes over helpful ones.</param>
public sealed record DeflectionReport(IReadOnlyList<DeflectionDay> Days, IReadOnlyList<UnansweredQuestion> TopUnanswered, IReadOnlyList<RatedAnswer> WorstRated)
{
    /// <summary>How many entries each list keeps.</summary>
    public const int ListLength = 10;

    /// <summary>All questions in the period.</summary>
    public int Questions => Days.Sum(day => day.Questions);

    /// <summary>Deflected questions over all questions in the period; 0 without questions.</summary>
    public double Rate => Questions == 0 ? 0 : Days.Sum(day => day.Deflected) / (double)Questions;

    /// <summary>The report over <paramref name="events"/> for the days from <paramref name="first"/> to <paramref name="last"/>.</summary>
    public static DeflectionReport Build(IReadOnlyList<AnalyticsEvent> events, DateOnly first, DateOnly last)
    {
        ArgumentNullException.ThrowIfNull(events);
        var inPeriod = events.Where(recorded => Day(recorded) >= first && Day(recorded) <= last).ToList();
        var byDay = inPeriod.ToLookup(Day);
        var days = new List<DeflectionDay>();
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            var today = byDay[date].ToList();
            days.Add(new DeflectionDay(
                date,
                Count(today, QuestionOutcome.Answered) + Count(today, QuestionOutcome.Declined) + Count(today, QuestionOutcome.Emergency),
                Count(today, QuestionOutcome.Answered),
                Count(today, QuestionOutcome.Declined),
                Count(today, QuestionOutcome.Emergency),
                Count(today, QuestionOutcome.ClinicRequested),
                Count(today, QuestionOutcome.RatedUp),
                Count(today, QuestionOutcome.RatedDown),
                today.Count(recorded => recorded.Outcome == QuestionOutcome.Answered && IsDeflected(recorded, events))));
        }

        var unanswered = inPeriod
            .Where(recorded => recorded.Outcome == QuestionOutcome.Declined)
            .GroupBy(recorded => Normalise(recorded.Question))
            .Select(group => new UnansweredQuestion(group.Last().Question, group.Count(), group.Max(recorded => recorded.At)))
            .OrderByDescending(question => question.Count).ThenByDescending(question => question.LastAsked)
            .Take(ListLength)
            .ToList();
        var worst = inPeriod
            .Where(recorded => recorded.Outcome is QuestionOutcome.RatedUp or QuestionOutcome.RatedDown)
            .GroupBy(recorded => (Normalise(recorded.Question), recorded.Answer))
            .Select(group => new RatedAnswer(
                group.Last().Question,
                group.Key.Answer,
                Count(group, QuestionOutcome.RatedUp),
                Count(group, QuestionOutcome.RatedDown),
                [.. group.Select(recorded => recorded.Comment).OfType<string>()]))
            .Where(answer => answer.Down > 0)
            .OrderByDescending(answer => answer.Down - answer.Up).ThenByDescending(answer => answer.Down)
            .Take(ListLength)
            .ToList();
        return new DeflectionReport(days, unanswered, worst);
    }

    private static bool IsDeflected(AnalyticsEvent answered, IReadOnlyList<AnalyticsEvent> events) => !events.Any(later =>
        later.ConversationId == answered.ConversationId && later.At >= answered.At
        && (later.Outcome == QuestionOutcome.ClinicRequested
            || (later.Outcome == QuestionOutcome.RatedDown && Normalise(later.Question) == Normalise(answered.Question))));

    private static int Count(IEnumerable<AnalyticsEvent> events, QuestionOutcome outcome) => events.Count(recorded => recorded.Outcome == outcome);

    private static DateOnly Day(AnalyticsEvent recorded) => DateOnly.FromDateTime(recorded.At.UtcDateTime);

    private static string Normalise(string question) => WhiteSpace.Collapse(question).Trim().TrimEnd('?', '!', '.').ToLowerInvariant();
}
