namespace Bot.Knowledge.Analysis;

/// <summary>Where a token came from.</summary>
public enum TokenKind
{
    /// <summary>A word of the text itself.</summary>
    Word,

    /// <summary>A term injected by <see cref="SynonymFilter"/>, stacked on the words it stands for.</summary>
    Synonym,
}
