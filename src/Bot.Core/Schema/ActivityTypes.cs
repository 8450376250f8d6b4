namespace Bot.Core.Schema;

/// <summary>The activity types the bot handles, spelled exactly as the Bot Framework activity schema does.</summary>
public static class ActivityTypes
{
    /// <summary>A message from a user or the bot.</summary>
    public const string Message = "message";

    /// <summary>Members joined or left the conversation.</summary>
    public const string ConversationUpdate = "conversationUpdate";

    /// <summary>A request whose result goes back in the HTTP response (feedback, card actions).</summary>
    public const string Invoke = "invoke";

    /// <summary>A named signal from the client (Web Chat's <c>webchat/join</c>, for instance).</summary>
    public const string Event = "event";

    /// <summary>The sender is typing.</summary>
    public const string Typing = "typing";
}
