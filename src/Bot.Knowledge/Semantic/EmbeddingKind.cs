namespace Bot.Knowledge.Semantic;

/// <summary>What a text is, for models that embed questions and the passages that answer them differently.</summary>
public enum EmbeddingKind
{
    /// <summary>A user's message or question.</summary>
    Query,

    /// <summary>A passage, a sentence of one, or a labelled example compared like one.</summary>
    Passage,
}
