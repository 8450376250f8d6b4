using Bot.Core.Analytics;

namespace Bot.Web.Telemetry;

/// <summary>Counts each recorded question outcome (and the answer's confidence) in <see cref="BotTelemetry"/> on its way to the store.</summary>
public sealed class MeteredAnalyticsStore(IAnalyticsStore inner) : IAnalyticsStore
{
    /// <inheritdoc />
    public async Task AddAsync(AnalyticsEvent analyticsEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(analyticsEvent);
        await inner.AddAsync(analyticsEvent, cancellationToken);
        BotTelemetry.Answer(analyticsEvent.ChannelId, analyticsEvent.Outcome.ToString(), analyticsEvent.Confidence);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AnalyticsEvent>> ListAsync(DateTimeOffset since, CancellationToken cancellationToken) => inner.ListAsync(since, cancellationToken);
}
