using Bot.Core.Schema;
using Bot.Core.State;
using Bot.Core.Turns;

namespace Bot.Web.DirectLine;

/// <summary>Appends a turn's replies to the Direct Line transcript, where polling clients and streams read them.</summary>
public sealed class DirectLineSender(ITranscriptStore store, string conversationId, TimeProvider clock) : IActivitySender
{
    /// <inheritdoc />
    public async Task<string?> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Timestamp = clock.GetUtcNow();
        return (await store.AppendAsync(conversationId, activity, clientActivityId: null, cancellationToken)).Id;
    }
}
