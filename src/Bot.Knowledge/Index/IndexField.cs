namespace Bot.Knowledge.Index;

/// <summary>The fields of a passage that search scores, each with its own lengths and postings.</summary>
public enum IndexField
{
    /// <summary>The passage text.</summary>
    Body,

    /// <summary>The heading of the passage's section.</summary>
    Heading,

    /// <summary>
    /// The passage before it in the same section: "The damaged nerves lose their ability..." is about multiple
    /// sclerosis only because the paragraph before says so.
    /// </summary>
    Context,
}
