using Bot.Knowledge.Understanding;

namespace Bot.Knowledge.Answers;

/// <summary>The reply to one message of a conversation, and the conversation's topic after it.</summary>
/// <param name="Answer">The reply.</param>
/// <param name="Topic">What the conversation is about now; null when nothing is (after an emergency).</param>
public sealed record ConversationTurn(Answer Answer, ConversationTopic? Topic);
