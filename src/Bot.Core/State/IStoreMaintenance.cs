namespace Bot.Core.State;

/// <summary>What the host asks of a durable store besides its data: is it there, and clear out what is too old.</summary>
public interface IStoreMaintenance
{
    /// <summary>Whether the database answers (for /readyz).</summary>
    Task<bool> IsReachableAsync(CancellationToken cancellationToken);

    /// <summary>Deletes events before <paramref name="eventsBefore"/> and conversations idle since before <paramref name="idleBefore"/>; returns the rows deleted.</summary>
    Task<int> PurgeAsync(DateTimeOffset eventsBefore, DateTimeOffset idleBefore, CancellationToken cancellationToken);
}
