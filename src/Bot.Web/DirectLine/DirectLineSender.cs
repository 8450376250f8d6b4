using Bot.Core.Schema;
using Bot.Core.Turns;

namespace Bot.Web.DirectLine;

/// <summary>Appends a turn's replies to the Direct Line transcript, where polling clients and streams read them.</summary>
public sealed class DirectLineSender(IDirectLineStore store, string conversationId, TimeProvider clock) : IActivitySender
{
    /// <inheritdoc />
    public async Task<string?> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Timestamp = clock.GetUtcNow();
        return await store.AppendAsync(conversationId, activity, cancellationToken);
    }
}
