using System.Collections.Concurrent;
using System.Text.Json;

namespace Bot.Core.State;

/// <summary>
/// The default storage: in process memory, lost on restart. Items are kept as JSON, so what works here works with
/// a durable store, and a caller never shares a mutable object with another turn. Items untouched for
/// <see cref="IdleLimit"/> are dropped (swept at most once per tenth of it), so a long-running process does not
/// keep every conversation it ever had.
/// </summary>
public sealed class MemoryStorage(TimeProvider clock) : IStorage
{
    private readonly ConcurrentDictionary<string, (string Json, DateTimeOffset Touched)> _items = new(StringComparer.Ordinal);
    private readonly SweepSchedule _sweeps = new(IdleLimit / 10);

    /// <summary>Creates a store on the system clock.</summary>
    public MemoryStorage()
        : this(TimeProvider.System)
    {
    }

    /// <summary>How long an item may go unread and unwritten before it is dropped.</summary>
    public static TimeSpan IdleLimit { get; } = TimeSpan.FromDays(1);

    /// <inheritdoc />
    public Task<T?> ReadAsync<T>(string key, CancellationToken cancellationToken)
    {
        var now = Sweep();
        if (!_items.TryGetValue(key, out var item))
        {
            return Task.FromResult<T?>(default);
        }

        _items.TryUpdate(key, (item.Json, now), item);
        return Task.FromResult(JsonSerializer.Deserialize<T>(item.Json));
    }

    /// <inheritdoc />
    public Task WriteAsync<T>(string key, T item, CancellationToken cancellationToken)
    {
        _items[key] = (JsonSerializer.Serialize(item), Sweep());
        return Task.CompletedTask;
    }

    /// <summary>Drops idle items when a sweep is due; returns the time now.</summary>
    private DateTimeOffset Sweep()
    {
        var now = clock.GetUtcNow();
        if (_sweeps.IsDue(now))
        {
            foreach (var (key, item) in _items)
            {
                if (now - item.Touched > IdleLimit)
                {
                    _items.TryRemove(new KeyValuePair<string, (string, DateTimeOffset)>(key, item));
                }
            }
        }

        return now;
    }
}
