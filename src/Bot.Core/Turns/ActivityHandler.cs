using Bot.Core.Schema;

namespace Bot.Core.Turns;

/// <summary>Dispatches a turn by activity type, in the manner of Bot Builder's ActivityHandler; unknown types are ignored.</summary>
public abstract class ActivityHandler : IBot
{
    /// <inheritdoc />
    public Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Activity.Type switch
        {
            ActivityTypes.Message => OnMessageAsync(turn, cancellationToken),
            ActivityTypes.ConversationUpdate => OnConversationUpdateAsync(turn, cancellationToken),
            ActivityTypes.Invoke => OnInvokeAsync(turn, cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    /// <summary>A message arrived.</summary>
    protected abstract Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken);

    /// <summary>Someone other than the bot joined.</summary>
    protected abstract Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> members, TurnContext turn, CancellationToken cancellationToken);

    /// <summary>An invoke arrived; set <see cref="TurnContext.InvokeResponse"/> to answer it (501 otherwise).</summary>
    protected virtual Task OnInvokeAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;

    private Task OnConversationUpdateAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var botId = turn.Activity.Recipient?.Id;
        var others = (turn.Activity.MembersAdded ?? []).Where(member => member.Id != botId).ToList();
        return others.Count > 0 ? OnMembersAddedAsync(others, turn, cancellationToken) : Task.CompletedTask;
    }
}
