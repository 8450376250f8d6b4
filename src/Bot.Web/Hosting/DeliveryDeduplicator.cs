using System.Collections.Concurrent;
using Bot.Core.State;

namespace Bot.Web.Hosting;

/// <summary>
/// Remembers the activities already taken, so a channel's retry of the same activity (Teams retries when a reply
/// takes longer than 15 s) is answered once. Ids are kept for ten minutes.
/// </summary>
public sealed class DeliveryDeduplicator(TimeProvider clock)
{
    private static readonly TimeSpan Memory = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly SweepSchedule _sweeps = new(Memory);

    /// <summary>True the first time an activity id is offered for a conversation on a channel; false for a repeat.</summary>
    public bool TryTake(string? channelId, string? conversationId, string? activityId)
    {
        if (string.IsNullOrEmpty(activityId))
        {
            return true;
        }

        var now = clock.GetUtcNow();
        if (_sweeps.IsDue(now))
        {
            foreach (var (seenKey, at) in _seen)
            {
                if (now - at > Memory)
                {
                    _seen.TryRemove(seenKey, out _);
                }
            }
        }

        var key = $"{channelId}\n{conversationId}\n{activityId}";
        if (_seen.TryAdd(key, now))
        {
            return true;
        }

        if (now - _seen[key] > Memory)
        {
            _seen[key] = now;
            return true;
        }

        return false;
    }
}
