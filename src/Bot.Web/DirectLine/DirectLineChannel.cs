using Bot.Core.Schema;
using Bot.Core.State;
using Bot.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Web.DirectLine;

/// <summary>
/// The Direct Line channel's behaviour behind the HTTP shapes: starting a conversation (the bot sees a
/// conversationUpdate and may greet), and posting a user's activity (stored with its id and channelData as sent,
/// then run through the bot, whose replies land in the same transcript).
/// </summary>
public sealed class DirectLineChannel(ITranscriptStore store, TurnRunner turns, IOptions<DirectLineOptions> options, TimeProvider clock)
{
    /// <summary>The channel id activities carry.</summary>
    public const string ChannelId = "directline";

    /// <summary>The bot's id on this channel.</summary>
    public const string BotId = "bot";

    /// <summary>Whether the bot can take turns yet.</summary>
    public bool IsReady => turns.IsReady;

    /// <summary>The transcripts.</summary>
    public ITranscriptStore Store => store;

    /// <summary>Starts the conversation; true when it is new, and then the bot has seen the user join.</summary>
    public async Task<bool> StartAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        if (!await store.CreateAsync(conversationId, userId, cancellationToken))
        {
            return false;
        }

        var joined = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = Guid.NewGuid().ToString("N"),
            MembersAdded = [Bot, new ChannelAccount { Id = userId }],
        };
        Address(joined, conversationId, userId);
        await RunAsync(conversationId, joined, cancellationToken);
        return true;
    }

    /// <summary>
    /// Runs the user's <paramref name="activity"/> and returns its id. Messages and events are stored first, with the
    /// channelData the client sent: the echo clients wait for. Invokes and typing are delivered, not stored. A retry
    /// (same <c>channelData.clientActivityID</c>) gets the first one's id and is answered only if it was not yet.
    /// </summary>
    public async Task<string> PostAsync(string conversationId, string userId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        Address(activity, conversationId, userId);
        activity.From!.Role = "user";
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.Event))
        {
            activity.Id = conversationId + "|" + Guid.NewGuid().ToString("N");
            await RunAsync(conversationId, activity, cancellationToken);
            return activity.Id;
        }

        var (id, added) = await store.AppendAsync(conversationId, activity, ClientActivityId(activity), cancellationToken);
        if (added || !await IsAnsweredAsync(conversationId, id, cancellationToken))
        {
            activity.Id = id;
            await RunAsync(conversationId, activity, cancellationToken);
        }

        return id;
    }

    private static string? ClientActivityId(Activity activity) =>
        activity.ChannelData is { ValueKind: System.Text.Json.JsonValueKind.Object } data
        && data.TryGetProperty("clientActivityID", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String
        && id.GetString() is { Length: > 0 and <= 256 } text
            ? text
            : null;

    /// <summary>Whether the bot already replied to <paramref name="activityId"/> (the replies follow it closely).</summary>
    private async Task<bool> IsAnsweredAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var page = await store.ReadAsync(conversationId, ITranscriptStore.SequenceOf(activityId), 20, cancellationToken);
        return page.Activities.Any(activity => activity.ReplyToId == activityId);
    }

    private ChannelAccount Bot => new() { Id = BotId, Name = options.Value.BotName, Role = "bot" };

    private Task<Bot.Core.Turns.TurnContext?> RunAsync(string conversationId, Activity activity, CancellationToken cancellationToken) =>
        turns.RunAsync(activity, new DirectLineSender(store, conversationId, clock), showTyping: false, cancellationToken);

    /// <summary>Fills in what the channel owns: channel, conversation, sender (the token's user), recipient and time.</summary>
    private void Address(Activity activity, string conversationId, string userId)
    {
        activity.ChannelId = ChannelId;
        activity.Conversation = new ConversationAccount { Id = conversationId };
        activity.From = new ChannelAccount { Id = userId, Name = activity.From?.Name };
        activity.Recipient = Bot;
        activity.Timestamp = clock.GetUtcNow();
        activity.ServiceUrl = null;
    }
}
