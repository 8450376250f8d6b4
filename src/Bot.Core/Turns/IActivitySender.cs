using Bot.Core.Schema;

namespace Bot.Core.Turns;

/// <summary>Where a turn's outgoing activities go: the channel's connector, or a buffer returned in the HTTP response.</summary>
public interface IActivitySender
{
    /// <summary>Delivers <paramref name="activity"/>, already addressed as a reply; returns the id the channel gave it, when it tells.</summary>
    Task<string?> SendAsync(Activity activity, CancellationToken cancellationToken);
}
