namespace Bot.Core.Analytics;

/// <summary>Keeps events in <paramref name="inner"/> with questions, answers' questions and comments redacted (<see cref="QuestionRedactor"/>).</summary>
public sealed class RedactingAnalyticsStore(IAnalyticsStore inner) : IAnalyticsStore
{
    /// <inheritdoc />
    public Task AddAsync(AnalyticsEvent analyticsEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(analyticsEvent);
        return inner.AddAsync(
            analyticsEvent with
            {
                Question = QuestionRedactor.Redact(analyticsEvent.Question),
                Comment = analyticsEvent.Comment is null ? null : QuestionRedactor.Redact(analyticsEvent.Comment),
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AnalyticsEvent>> ListAsync(DateTimeOffset since, CancellationToken cancellationToken) => inner.ListAsync(since, cancellationToken);
}
