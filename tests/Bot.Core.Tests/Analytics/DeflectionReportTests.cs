using Bot.Core.Analytics;

namespace Bot.Core.Tests.Analytics;

public sealed class DeflectionReportTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly MondayDate = new(2026, 11, 16);

    [Fact]
    public void Build_AnsweredDeclinedAndEmergency_RateIsDeflectedOverAllQuestions()
    {
        AnalyticsEvent[] events =
        [
            Event("a", QuestionOutcome.Answered, "what is sarcopenia"),
            Event("b", QuestionOutcome.Answered, "what causes atrophy"),
            Event("c", QuestionOutcome.Declined, "can I eat eggs"),
            Event("d", QuestionOutcome.Emergency, "I can't breathe"),
        ];

        var report = DeflectionReport.Build(events, MondayDate, MondayDate);

        var day = Assert.Single(report.Days);
        Assert.Equal((4, 2, 1, 1, 2), (day.Questions, day.Answered, day.Declined, day.Emergencies, day.Deflected));
        Assert.Equal(0.5, report.Rate);
    }

    [Fact]
    public void Build_ClinicRequestedAfterAnswer_AnswerIsNotDeflected()
    {
        AnalyticsEvent[] events =
        [
            Event("a", QuestionOutcome.Answered, "what is sarcopenia"),
            Event("a", QuestionOutcome.ClinicRequested, "talk to the clinic", minutes: 1),
            Event("b", QuestionOutcome.ClinicRequested, "talk to the clinic"),
            Event("b", QuestionOutcome.Answered, "what is cachexia", minutes: 1),
        ];

        var day = Assert.Single(DeflectionReport.Build(events, MondayDate, MondayDate).Days);

        Assert.Equal((2, 2, 1), (day.Questions, day.ClinicRequests, day.Deflected));
    }

    [Fact]
    public void Build_AnswerRatedDown_IsNotDeflectedAndListedWorstFirst()
    {
        AnalyticsEvent[] events =
        [
            Event("a", QuestionOutcome.Answered, "what is sarcopenia"),
            Event("a", QuestionOutcome.RatedDown, "what is sarcopenia", answer: "Sarcopenia is…", comment: "too vague"),
            Event("b", QuestionOutcome.Answered, "how is it treated"),
            Event("b", QuestionOutcome.RatedDown, "how is it treated", answer: "Exercise…"),
            Event("c", QuestionOutcome.RatedUp, "how is it treated", answer: "Exercise…"),
            Event("d", QuestionOutcome.RatedDown, "What is sarcopenia?", answer: "Sarcopenia is…"),
        ];

        var report = DeflectionReport.Build(events, MondayDate, MondayDate);

        Assert.Equal(0, report.Days[0].Deflected);
        Assert.Equal(["What is sarcopenia?", "how is it treated"], report.WorstRated.Select(answer => answer.Question));
        Assert.Equal((0, 2, "too vague"), (report.WorstRated[0].Up, report.WorstRated[0].Down, Assert.Single(report.WorstRated[0].Comments)));
    }

    [Fact]
    public void Build_SameQuestionDeclinedInOtherWords_CountsOnceWithItsLatestWording()
    {
        AnalyticsEvent[] events =
        [
            Event("a", QuestionOutcome.Declined, "Can I eat eggs?"),
            Event("b", QuestionOutcome.Declined, "can  I eat eggs", minutes: 5),
            Event("c", QuestionOutcome.Declined, "what about vitamin D"),
        ];

        var unanswered = DeflectionReport.Build(events, MondayDate, MondayDate).TopUnanswered;

        Assert.Equal(("can  I eat eggs", 2), (unanswered[0].Question, unanswered[0].Count));
        Assert.Equal(2, unanswered.Count);
    }

    [Fact]
    public void Build_PeriodOfThreeDays_HasOneEntryPerDayIncludingQuietDays()
    {
        AnalyticsEvent[] events = [Event("a", QuestionOutcome.Answered, "q"), Event("b", QuestionOutcome.Answered, "q", minutes: 2 * 24 * 60), Event("c", QuestionOutcome.Answered, "q", minutes: 5 * 24 * 60)];

        var report = DeflectionReport.Build(events, MondayDate, MondayDate.AddDays(2));

        Assert.Equal([1, 0, 1], report.Days.Select(day => day.Questions));
        Assert.Equal(0, report.Days[1].Rate);
    }

    private static AnalyticsEvent Event(string conversation, QuestionOutcome outcome, string question, int minutes = 0, string? answer = null, string? comment = null) =>
        new(Monday.AddMinutes(minutes), "directline", conversation, outcome, question, outcome == QuestionOutcome.Answered ? 0.8 : null, answer, comment);
}
