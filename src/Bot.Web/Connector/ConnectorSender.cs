using Bot.Core.Schema;
using Bot.Core.Turns;

namespace Bot.Web.Connector;

/// <summary>Delivers a turn's activities through the channel's connector as they are sent.</summary>
public sealed class ConnectorSender(ConnectorClient client) : IActivitySender
{
    /// <inheritdoc />
    public Task<string?> SendAsync(Activity activity, CancellationToken cancellationToken) => client.SendAsync(activity, cancellationToken);
}
