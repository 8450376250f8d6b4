using Bot.Core.Schema;

namespace Bot.Core.Turns;

/// <summary>One incoming activity and the means to reply to it.</summary>
public sealed class TurnContext(Activity activity, IActivitySender sender)
{
    /// <summary>The activity being handled.</summary>
    public Activity Activity { get; } = activity;

    /// <summary>What an invoke is answered with; null until a handler sets it.</summary>
    public InvokeResponse? InvokeResponse { get; set; }

    /// <summary>
    /// Sends <paramref name="reply"/> addressed back to the conversation (Bot Builder's Activity.CreateReply): from and
    /// recipient swapped, channel, conversation and locale copied, <c>replyToId</c> the incoming id. Returns the id
    /// the channel gave the reply, when it tells.
    /// </summary>
    public Task<string?> SendAsync(Activity reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        reply.Type ??= ActivityTypes.Message;
        reply.ChannelId = Activity.ChannelId;
        reply.ServiceUrl = Activity.ServiceUrl;
        reply.From = Activity.Recipient is { } bot ? new ChannelAccount { Id = bot.Id, Name = bot.Name, Role = "bot" } : null;
        reply.Recipient = Activity.From is { } user ? new ChannelAccount { Id = user.Id, Name = user.Name } : null;
        reply.Conversation = Activity.Conversation is { } conversation
            ? new ConversationAccount { Id = conversation.Id, Name = conversation.Name, IsGroup = conversation.IsGroup, TenantId = conversation.TenantId }
            : null;
        reply.Locale ??= Activity.Locale;
        reply.ReplyToId = Activity.Type == ActivityTypes.ConversationUpdate && Activity.ChannelId is "directline" or "webchat" ? null : Activity.Id;
        return sender.SendAsync(reply, cancellationToken);
    }
}
