using Bot.Core.Schema;

namespace Bot.Web.DirectLine;

/// <summary>
/// The seam where Direct Line conversations and their transcripts live. Each appended activity gets the next
/// sequence number in its conversation: its id is <c>{conversationId}|{sequence:D7}</c> and the watermark after it is
/// the sequence number, so any replica reading the same store agrees on both.
/// </summary>
public interface IDirectLineStore
{
    /// <summary>Starts <paramref name="conversationId"/> for <paramref name="userId"/>; false when it was already started.</summary>
    Task<bool> CreateAsync(string conversationId, string userId, CancellationToken cancellationToken);

    /// <summary>Whether the conversation was started (and not yet expired).</summary>
    Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="activity"/> after giving it its id; returns the id.</summary>
    Task<string> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> activities after <paramref name="watermark"/>, and the watermark after the last returned.</summary>
    Task<ActivityPage> ReadAsync(string conversationId, long watermark, int max, CancellationToken cancellationToken);

    /// <summary>Completes when the conversation holds an activity after <paramref name="watermark"/>.</summary>
    Task WaitAsync(string conversationId, long watermark, CancellationToken cancellationToken);
}
