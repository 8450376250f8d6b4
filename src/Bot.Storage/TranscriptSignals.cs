using System.Collections.Concurrent;

namespace Bot.Storage;

/// <summary>Wakes the streams waiting on a conversation when its transcript grows, in this process.</summary>
public sealed class TranscriptSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);

    /// <summary>Completes at the next <see cref="Pulse"/> for <paramref name="conversationId"/>.</summary>
    public Task NextAsync(string conversationId) =>
        _waiting.GetOrAdd(conversationId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Wakes every stream waiting on <paramref name="conversationId"/>.</summary>
    public void Pulse(string conversationId)
    {
        if (_waiting.TryRemove(conversationId, out var waiting))
        {
            waiting.TrySetResult();
        }
    }
}
