namespace Bot.Knowledge.Indexing;

/// <summary>The fields of a passage's Lucene document.</summary>
public static class PassageFields
{
    /// <summary>The passage text, with term vectors (positions and offsets) for highlighting.</summary>
    public const string Body = "body";

    /// <summary>The heading of the passage's section: a heading says what its paragraphs are about.</summary>
    public const string Heading = "heading";

    /// <summary>
    /// The passage before it in the same section: "The damaged nerves lose their ability..." is about multiple
    /// sclerosis only because the paragraph before says so.
    /// </summary>
    public const string Context = "context";

    /// <summary>The display title of the passage's source.</summary>
    public const string Title = "title";

    /// <summary>The passage's words as written (lower-cased, not stemmed), for typo correction.</summary>
    public const string Spelling = "spelling";

    /// <summary>
    /// Body, heading and context as one field, documents only: its document frequency of a term is the number of passages
    /// matching it in any of the three, the idf they share.
    /// </summary>
    public const string Any = "any";

    /// <summary>
    /// Questions people would ask that the passage answers (corpus/passage-questions.jsonl): their words are patients'
    /// words ("physio", "skin and bone") where the passage has the articles' ("physical therapy", "cachexia").
    /// </summary>
    public const string Examples = "examples";

    /// <summary>The passage id, as a numeric doc value.</summary>
    public const string PassageId = "passage";

    /// <summary>The fields whose terms count as the passage matching a question word.</summary>
    public static readonly string[] Matched = [Body, Heading, Context];

}
