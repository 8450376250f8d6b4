using System.Diagnostics;
using System.Net;
using Bot.Core.Schema;
using Bot.Core.Turns;
using Bot.Web.Telemetry;
using Activity = Bot.Core.Schema.Activity;

namespace Bot.Web.Hosting;

/// <summary>
/// Runs one turn of the loaded bot for any channel edge (/api/messages, Direct Line): optionally with a typing
/// indicator for slow turns, in a <c>bot.turn</c> span with its latency recorded (<see cref="BotTelemetry"/>), and
/// with one turn-error handler that logs the failure and apologises; internals never reach the user.
/// </summary>
public sealed partial class TurnRunner(KnowledgeBaseLoader loader, ILogger<TurnRunner> logger)
{
    /// <summary>Whether the index is loaded, so turns can run.</summary>
    public bool IsReady => loader.Bot is not null;

    /// <summary>Runs <paramref name="activity"/> through the bot, replies going to <paramref name="sender"/>; null when the bot is not loaded yet.</summary>
    public async Task<TurnContext?> RunAsync(Activity activity, IActivitySender sender, bool showTyping, CancellationToken cancellationToken)
    {
        if (loader.Bot is not { } bot)
        {
            return null;
        }

        var turn = new TurnContext(activity, sender);
        using var span = BotTelemetry.Source.StartActivity("bot.turn");
        span?.SetTag("bot.channel", activity.ChannelId).SetTag("bot.activity.type", activity.Type);
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (showTyping)
            {
                await TypingIndicator.RunAsync(
                    () => bot.OnTurnAsync(turn, cancellationToken),
                    token => turn.SendAsync(new Activity { Type = ActivityTypes.Typing }, token),
                    TypingIndicator.Delay,
                    TypingIndicator.Period,
                    cancellationToken);
            }
            else
            {
                await bot.OnTurnAsync(turn, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            span?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            await OnTurnErrorAsync(turn, exception, cancellationToken);
        }

        BotTelemetry.Turn(activity.ChannelId, activity.Type, Stopwatch.GetElapsedTime(started));
        return turn;
    }

    private async Task OnTurnErrorAsync(TurnContext turn, Exception exception, CancellationToken cancellationToken)
    {
        LogTurnError(logger, exception, turn.Activity.Type, turn.Activity.ChannelId);
        try
        {
            await turn.SendAsync(new Activity { Text = "Sorry, something went wrong on my side. Please try again, or contact the clinic.", TextFormat = "plain" }, cancellationToken);
        }
        catch (HttpRequestException sendFailure)
        {
            LogTurnError(logger, sendFailure, turn.Activity.Type, turn.Activity.ChannelId);
        }

        turn.InvokeResponse ??= new InvokeResponse((int)HttpStatusCode.InternalServerError, null);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A {Type} turn on {Channel} failed")]
    private static partial void LogTurnError(ILogger logger, Exception exception, string? type, string? channel);
}
