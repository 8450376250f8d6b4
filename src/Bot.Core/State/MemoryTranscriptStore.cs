using System.Collections.Concurrent;
using Bot.Core.Schema;

namespace Bot.Core.State;

/// <summary>
/// Direct Line transcripts in this process's memory: a conversation keeps its latest
/// <see cref="MaxActivities"/> activities and is dropped after a day without activity. For one process only.
/// </summary>
public sealed class MemoryTranscriptStore(TimeProvider clock) : ITranscriptStore
{
    /// <summary>How many activities a conversation keeps; older ones fall off the front.</summary>
    public const int MaxActivities = 1000;

    private static readonly TimeSpan IdleExpiry = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<string, Transcript> _conversations = new(StringComparer.Ordinal);
    private readonly SweepSchedule _sweeps = new(TimeSpan.FromMinutes(1));

    /// <inheritdoc />
    public Task<bool> CreateAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        SweepIfDue();
        var created = false;
        _conversations.GetOrAdd(conversationId, _ =>
        {
            created = true;
            return new Transcript(clock.GetUtcNow());
        });
        return Task.FromResult(created);
    }

    /// <inheritdoc />
    public Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(_conversations.ContainsKey(conversationId));

    /// <inheritdoc />
    public Task<TranscriptAppend> AppendAsync(string conversationId, Activity activity, string? clientActivityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var transcript = Find(conversationId);
        TaskCompletionSource arrived;
        lock (transcript)
        {
            if (clientActivityId is not null && transcript.ClientIds.TryGetValue(clientActivityId, out var known))
            {
                return Task.FromResult(new TranscriptAppend(known, false));
            }

            var sequence = transcript.First + transcript.Activities.Count;
            activity.Id = ITranscriptStore.ActivityId(conversationId, sequence);
            transcript.Activities.Add(activity);
            if (clientActivityId is not null)
            {
                transcript.ClientIds[clientActivityId] = activity.Id;
            }

            if (transcript.Activities.Count > MaxActivities)
            {
                transcript.Activities.RemoveAt(0);
                transcript.First++;
            }

            transcript.LastActive = clock.GetUtcNow();
            arrived = transcript.Arrived;
            transcript.Arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.SetResult();
        return Task.FromResult(new TranscriptAppend(activity.Id, true));
    }

    /// <inheritdoc />
    public Task<TranscriptPage> ReadAsync(string conversationId, long watermark, int max, CancellationToken cancellationToken)
    {
        var transcript = Find(conversationId);
        lock (transcript)
        {
            var skip = (int)Math.Clamp(watermark + 1 - transcript.First, 0, transcript.Activities.Count);
            var page = transcript.Activities.Skip(skip).Take(max).ToList();
            return Task.FromResult(new TranscriptPage(page, transcript.First + skip + page.Count - 1));
        }
    }

    /// <inheritdoc />
    public Task WaitAsync(string conversationId, long watermark, CancellationToken cancellationToken)
    {
        var transcript = Find(conversationId);
        lock (transcript)
        {
            return transcript.First + transcript.Activities.Count - 1 > watermark
                ? Task.CompletedTask
                : transcript.Arrived.Task.WaitAsync(cancellationToken);
        }
    }

    private Transcript Find(string conversationId) =>
        _conversations.TryGetValue(conversationId, out var transcript) ? transcript : throw new KeyNotFoundException("No such conversation.");

    private void SweepIfDue()
    {
        var now = clock.GetUtcNow();
        if (!_sweeps.IsDue(now))
        {
            return;
        }

        foreach (var (id, transcript) in _conversations)
        {
            if (now - transcript.LastActive > IdleExpiry)
            {
                _conversations.TryRemove(id, out _);
            }
        }
    }

    private sealed class Transcript(DateTimeOffset created)
    {
        public List<Activity> Activities { get; } = [];

        public Dictionary<string, string> ClientIds { get; } = new(StringComparer.Ordinal);

        /// <summary>The sequence number of <see cref="Activities"/>[0].</summary>
        public long First { get; set; }

        public DateTimeOffset LastActive { get; set; } = created;

        public TaskCompletionSource Arrived { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
