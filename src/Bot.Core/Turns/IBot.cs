namespace Bot.Core.Turns;

/// <summary>Handles one turn: an incoming activity and whatever it sends back.</summary>
public interface IBot
{
    /// <summary>Handles <paramref name="turn"/>.</summary>
    Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken);
}
