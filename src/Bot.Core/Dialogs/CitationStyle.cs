namespace Bot.Core.Dialogs;

/// <summary>How a channel shows an answer's sources.</summary>
public enum CitationStyle
{
    /// <summary>Sources written out after the text.</summary>
    PlainText,

    /// <summary>Microsoft Teams: [n] markers and a schema.org Message entity.</summary>
    Teams,

    /// <summary>Bot Framework Web Chat: the entity with an empty @id and Markdown link definitions.</summary>
    WebChat,
}
