using Bot.Knowledge.Corpus;

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
        var setbacks = LatestSetbacks(events);
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
                today.Count(recorded => recorded.Outcome == QuestionOutcome.Answered && IsDeflected(recorded, setbacks))));
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

    /// <summary>
    /// When each conversation last asked for the clinic (question null) and last rated each question down: one pass,
    /// so deciding whether an answer was deflected is a lookup rather than a scan of every event.
    /// </summary>
    private static Dictionary<(string? Conversation, string? Question), DateTimeOffset> LatestSetbacks(IReadOnlyList<AnalyticsEvent> events)
    {
        var latest = new Dictionary<(string? Conversation, string? Question), DateTimeOffset>();
        foreach (var recorded in events)
        {
            (string?, string?)? key = recorded.Outcome switch
            {
                QuestionOutcome.ClinicRequested => (recorded.ConversationId, null),
                QuestionOutcome.RatedDown => (recorded.ConversationId, Normalise(recorded.Question)),
                _ => null,
            };
            if (key is { } setback && (!latest.TryGetValue(setback, out var at) || recorded.At > at))
            {
                latest[setback] = recorded.At;
            }
        }

        return latest;
    }

    /// <summary>Whether no clinic request and no down-vote on the same question followed <paramref name="answered"/> in its conversation.</summary>
    private static bool IsDeflected(AnalyticsEvent answered, Dictionary<(string? Conversation, string? Question), DateTimeOffset> setbacks) =>
        !FollowedBy(setbacks, (answered.ConversationId, null), answered.At)
        && !FollowedBy(setbacks, (answered.ConversationId, Normalise(answered.Question)), answered.At);

    private static bool FollowedBy(Dictionary<(string? Conversation, string? Question), DateTimeOffset> setbacks, (string?, string?) key, DateTimeOffset at) =>
        setbacks.TryGetValue(key, out var latest) && latest >= at;

    private static int Count(IEnumerable<AnalyticsEvent> events, QuestionOutcome outcome) => events.Count(recorded => recorded.Outcome == outcome);

    private static DateOnly Day(AnalyticsEvent recorded) => DateOnly.FromDateTime(recorded.At.UtcDateTime);

    private static string Normalise(string question) => WhiteSpace.Collapse(question).Trim().TrimEnd('?', '!', '.').ToLowerInvariant();
}
