using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Bot.Web.Telemetry;

/// <summary>
/// The bot's own traces and metrics (OpenTelemetry names them by <see cref="Name"/>): a span per turn; turns by
/// channel and kind, turn latency, answer outcomes and confidence, connector failures and rate-limit refusals.
/// </summary>
public static class BotTelemetry
{
    /// <summary>The ActivitySource and Meter name.</summary>
    public const string Name = "Bot.Web";

    /// <summary>Spans for the bot's turns.</summary>
    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Turns = Meter.CreateCounter<long>("bot.turns", "{turn}", "Turns run, by channel and activity type.");
    private static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>("bot.turn.duration", "s", "How long a turn took to answer, by channel and activity type.");
    private static readonly Counter<long> Answers = Meter.CreateCounter<long>("bot.answers", "{question}", "Questions by outcome (answered, declined, emergency, clinic requested, rated).");
    private static readonly Histogram<double> Confidence = Meter.CreateHistogram<double>("bot.answer.confidence", null, "The confidence of each answer given.");
    private static readonly Counter<long> ConnectorFailures = Meter.CreateCounter<long>("bot.connector.failures", "{request}", "Replies the channel's connector did not take, by failure.");
    private static readonly Counter<long> RateLimitRefusals = Meter.CreateCounter<long>("bot.ratelimit.refusals", "{request}", "Requests refused with 429, by limit.");

    /// <summary>Records a finished turn.</summary>
    public static void Turn(string? channel, string? type, TimeSpan duration)
    {
        var tags = new TagList { { "bot.channel", channel ?? "unknown" }, { "bot.activity.type", type ?? "unknown" } };
        Turns.Add(1, tags);
        TurnDuration.Record(duration.TotalSeconds, tags);
    }

    /// <summary>Records a question's outcome, and its confidence when it was answered.</summary>
    public static void Answer(string? channel, string outcome, double? confidence)
    {
        var tags = new TagList { { "bot.channel", channel ?? "unknown" }, { "bot.outcome", outcome } };
        Answers.Add(1, tags);
        if (confidence is { } value)
        {
            Confidence.Record(value, tags);
        }
    }

    /// <summary>Records a reply the connector did not take.</summary>
    public static void ConnectorFailure(string failure) => ConnectorFailures.Add(1, new KeyValuePair<string, object?>("bot.failure", failure));

    /// <summary>Records a request refused by a rate limit.</summary>
    public static void RateLimited(string limit) => RateLimitRefusals.Add(1, new KeyValuePair<string, object?>("bot.limit", limit));
}
