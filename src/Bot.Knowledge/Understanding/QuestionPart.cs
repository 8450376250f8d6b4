namespace Bot.Knowledge.Understanding;

/// <summary>One of the questions a message asks.</summary>
/// <param name="Text">The question as the patient wrote it.</param>
/// <param name="Reading">What is searched for it: the message's statements (its context) and, when the question refers back ("how is it treated"), the question before it, then the question.</param>
public sealed record QuestionPart(string Text, string Reading);
