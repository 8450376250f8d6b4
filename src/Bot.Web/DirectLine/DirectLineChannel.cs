using Bot.Core.Schema;
using Bot.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Web.DirectLine;

/// <summary>
/// The Direct Line channel's behaviour behind the HTTP shapes: starting a conversation (the bot sees a
/// conversationUpdate and may greet), and posting a user's activity (stored with its id and channelData as sent,
/// then run through the bot, whose replies land in the same transcript).
/// </summary>
public sealed class DirectLineChannel(IDirectLineStore store, TurnRunner turns, IOptions<DirectLineOptions> options, TimeProvider clock)
{
    /// <summary>The channel id activities carry.</summary>
    public const string ChannelId = "directline";

    /// <summary>The bot's id on this channel.</summary>
    public const string BotId = "bot";

    /// <summary>Whether the bot can take turns yet.</summary>
    public bool IsReady => turns.IsReady;

    /// <summary>The transcripts.</summary>
    public IDirectLineStore Store => store;

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
    /// channelData the client sent: the echo clients wait for. Invokes and typing are delivered, not stored.
    /// </summary>
    public async Task<string> PostAsync(string conversationId, string userId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        Address(activity, conversationId, userId);
        activity.From!.Role = "user";
        activity.Id = activity.Type is ActivityTypes.Message or ActivityTypes.Event
            ? await store.AppendAsync(conversationId, activity, cancellationToken)
            : conversationId + "|" + Guid.NewGuid().ToString("N");
        await RunAsync(conversationId, activity, cancellationToken);
        return activity.Id;
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
