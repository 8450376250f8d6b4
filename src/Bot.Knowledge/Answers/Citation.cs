namespace Bot.Knowledge.Answers;

/// <summary>A numbered source for an answer: which source, and the verbatim snippet at its offsets in the source file.</summary>
/// <param name="N">The number the answer text uses, as in "[1]".</param>
/// <param name="SourceId">The source's id in corpus/sources.json.</param>
/// <param name="Title">The source's title (or our label when it states none).</param>
/// <param name="Publisher">The publisher, when the source names one.</param>
/// <param name="Url">The source's address, when it states one.</param>
/// <param name="Snippet">The cited text, exactly as in the source file.</param>
/// <param name="Start">Offset of the snippet in the source file.</param>
/// <param name="End">Offset just past the snippet.</param>
/// <param name="Heading">The section the snippet is under, when known.</param>
public sealed record Citation(int N, string SourceId, string Title, string? Publisher, string? Url, string Snippet, int Start, int End, string? Heading)
{
    /// <summary>The cited passage in the index snapshot the answer came from.</summary>
    public int PassageId { get; init; }
}
