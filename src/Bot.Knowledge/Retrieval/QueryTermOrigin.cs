namespace Bot.Knowledge.Retrieval;

/// <summary>How a query term came to be part of the query.</summary>
public enum QueryTermOrigin
{
    /// <summary>The question's own word.</summary>
    Word,

    /// <summary>The synonym line the word (or the phrase it is part of) belongs to, from the synonyms file.</summary>
    Synonym,

    /// <summary>The index's nearest spelling of a word the index does not have.</summary>
    Fuzzy,
}
