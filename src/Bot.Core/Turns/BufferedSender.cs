using Bot.Core.Schema;

namespace Bot.Core.Turns;

/// <summary>Keeps outgoing activities in memory: for <c>deliveryMode: expectReplies</c>, the terminal chat and tests.</summary>
public sealed class BufferedSender : IActivitySender
{
    private readonly List<Activity> _activities = [];

    /// <summary>What the turn sent, in order.</summary>
    public IReadOnlyList<Activity> Activities => _activities;

    /// <inheritdoc />
    public Task<string?> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        _activities.Add(activity);
        return Task.FromResult<string?>(null);
    }
}
