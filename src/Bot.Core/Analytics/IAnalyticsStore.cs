namespace Bot.Core.Analytics;

/// <summary>The seam where question outcomes and votes are recorded for the deflection report.</summary>
public interface IAnalyticsStore
{
    /// <summary>Records <paramref name="analyticsEvent"/>, unless an event with the same <see cref="AnalyticsEvent.Key"/> was recorded.</summary>
    Task AddAsync(AnalyticsEvent analyticsEvent, CancellationToken cancellationToken);

    /// <summary>The events at or after <paramref name="since"/>, oldest first.</summary>
    Task<IReadOnlyList<AnalyticsEvent>> ListAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
