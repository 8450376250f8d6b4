namespace Bot.Core.Analytics;

/// <summary>The default analytics store: the latest <see cref="Capacity"/> events in process memory, lost on restart.</summary>
public sealed class MemoryAnalyticsStore : IAnalyticsStore
{
    /// <summary>How many events are kept; the oldest go first.</summary>
    public const int Capacity = 100_000;

    private readonly Queue<AnalyticsEvent> _events = new();
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task AddAsync(AnalyticsEvent analyticsEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(analyticsEvent);
        lock (_events)
        {
            if (analyticsEvent.Key is { } key && !_keys.Add(key))
            {
                return Task.CompletedTask;
            }

            _events.Enqueue(analyticsEvent);
            if (_events.Count > Capacity && _events.Dequeue().Key is { } dropped)
            {
                _keys.Remove(dropped);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AnalyticsEvent>> ListAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        lock (_events)
        {
            return Task.FromResult<IReadOnlyList<AnalyticsEvent>>([.. _events.Where(recorded => recorded.At >= since)]);
        }
    }
}
