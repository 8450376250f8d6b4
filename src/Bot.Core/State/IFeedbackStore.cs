namespace Bot.Core.State;

/// <summary>The seam where votes on answers are kept.</summary>
public interface IFeedbackStore
{
    /// <summary>Keeps <paramref name="vote"/>.</summary>
    Task AddAsync(FeedbackVote vote, CancellationToken cancellationToken);

    /// <summary>The votes kept, oldest first.</summary>
    Task<IReadOnlyList<FeedbackVote>> ListAsync(CancellationToken cancellationToken);
}
