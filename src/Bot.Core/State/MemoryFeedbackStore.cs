using System.Collections.Concurrent;

namespace Bot.Core.State;

/// <summary>The default feedback store: in process memory, lost on restart.</summary>
public sealed class MemoryFeedbackStore : IFeedbackStore
{
    private readonly ConcurrentQueue<FeedbackVote> _votes = new();

    /// <inheritdoc />
    public Task AddAsync(FeedbackVote vote, CancellationToken cancellationToken)
    {
        _votes.Enqueue(vote);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<FeedbackVote>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<FeedbackVote>>([.. _votes]);
}
