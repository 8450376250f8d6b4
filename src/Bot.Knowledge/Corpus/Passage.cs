namespace Bot.Knowledge.Corpus;

/// <summary>
/// A paragraph-sized piece of a source, the unit that search ranks and answers cite.
/// <see cref="Text"/> is exactly the source file's characters from <see cref="Start"/> to <see cref="End"/>.
/// </summary>
/// <param name="Id">Index of the passage in the corpus.</param>
/// <param name="SourceId">The source it comes from.</param>
/// <param name="Heading">The section heading it sits under, if any.</param>
/// <param name="Start">Offset (UTF-16 code units) of its first character in the source file's text.</param>
/// <param name="End">Offset just past its last character.</param>
/// <param name="Text">The verbatim text.</param>
public sealed record Passage(int Id, string SourceId, string? Heading, int Start, int End, string Text)
{
    /// <summary>The id of the passage that stands for this one and its near-duplicates (itself when original).</summary>
    public int GroupId { get; init; } = Id;

    /// <summary>
    /// For an entry of the clinic's questions and answers, the question and the other ways patients ask it, each
    /// matched as a question (the passage's text is the answer); empty for article passages.
    /// </summary>
    public IReadOnlyList<string> Questions { get; init; } = [];
}
