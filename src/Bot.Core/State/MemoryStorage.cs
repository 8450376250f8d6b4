using System.Collections.Concurrent;
using System.Text.Json;

namespace Bot.Core.State;

/// <summary>
/// The default storage: in process memory, lost on restart. Items are kept as JSON, so what works here works with
/// a durable store, and a caller never shares a mutable object with another turn.
/// </summary>
public sealed class MemoryStorage : IStorage
{
    private readonly ConcurrentDictionary<string, string> _items = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<T?> ReadAsync<T>(string key, CancellationToken cancellationToken) =>
        Task.FromResult(_items.TryGetValue(key, out var json) ? JsonSerializer.Deserialize<T>(json) : default);

    /// <inheritdoc />
    public Task WriteAsync<T>(string key, T item, CancellationToken cancellationToken)
    {
        _items[key] = JsonSerializer.Serialize(item);
        return Task.CompletedTask;
    }
}
