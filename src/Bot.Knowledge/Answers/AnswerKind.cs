namespace Bot.Knowledge.Answers;

/// <summary>What kind of reply a message gets.</summary>
public enum AnswerKind
{
    /// <summary>An answer from the corpus, with citations.</summary>
    Answer,

    /// <summary>The corpus has no answer, or the question is out of scope: said plainly, with the clinic's contact.</summary>
    Decline,

    /// <summary>A red flag: emergency guidance, never a corpus answer.</summary>
    Emergency,

    /// <summary>Greetings, thanks, "what can you do".</summary>
    SmallTalk,
}
