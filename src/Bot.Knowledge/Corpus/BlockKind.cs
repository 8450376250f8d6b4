namespace Bot.Knowledge.Corpus;

/// <summary>What a block of source text is.</summary>
public enum BlockKind
{
    /// <summary>Prose.</summary>
    Paragraph,

    /// <summary>A section title.</summary>
    Heading,

    /// <summary>One item of a bulleted or numbered list.</summary>
    ListItem,
}
