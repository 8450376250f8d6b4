using Bot.Core.Schema;

namespace Bot.Core.State;

/// <summary>
/// The seam where channel transcripts (Direct Line conversations) live. Each appended activity gets the next
/// sequence number in its conversation: its id is <c>{conversationId}|{sequence:D7}</c> and the watermark after it is
/// the sequence number, so every replica reading the same store agrees on both.
/// </summary>
public interface ITranscriptStore
{
    /// <summary>Starts <paramref name="conversationId"/> for <paramref name="userId"/>; false when it was already started.</summary>
    Task<bool> CreateAsync(string conversationId, string userId, CancellationToken cancellationToken);

    /// <summary>Whether the conversation was started (and not yet expired).</summary>
    Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="activity"/> after giving it its id, and returns the id. An activity carrying a
    /// <paramref name="clientActivityId"/> already stored in this conversation (a client's retry) is not stored
    /// again: the first one's id comes back with <c>Added</c> false.
    /// </summary>
    Task<TranscriptAppend> AppendAsync(string conversationId, Activity activity, string? clientActivityId, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> activities after <paramref name="watermark"/>, and the watermark after the last returned.</summary>
    Task<TranscriptPage> ReadAsync(string conversationId, long watermark, int max, CancellationToken cancellationToken);

    /// <summary>Completes when the conversation may hold an activity after <paramref name="watermark"/> (read to be sure).</summary>
    Task WaitAsync(string conversationId, long watermark, CancellationToken cancellationToken);

    /// <summary>The sequence number in an activity id this store gave, or -1.</summary>
    static long SequenceOf(string activityId)
    {
        ArgumentNullException.ThrowIfNull(activityId);
        var bar = activityId.LastIndexOf('|');
        return bar >= 0 && long.TryParse(activityId.AsSpan(bar + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence) ? sequence : -1;
    }

    /// <summary>The id of the activity at <paramref name="sequence"/> in <paramref name="conversationId"/>.</summary>
    static string ActivityId(string conversationId, long sequence) => conversationId + "|" + sequence.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
}
