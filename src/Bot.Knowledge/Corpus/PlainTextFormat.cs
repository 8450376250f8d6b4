namespace Bot.Knowledge.Corpus;

/// <summary>Raw article text, as copied from a web page: metadata only from the manifest.</summary>
public sealed class PlainTextFormat : ISourceFormat
{
    /// <summary>The shared instance.</summary>
    public static PlainTextFormat Instance { get; } = new();

    /// <inheritdoc />
    public SourceMetadata ReadMetadata(string text, SourceMetadata declared) => declared;

    /// <inheritdoc />
    public SegmentedText Segment(string file) => new(file, PlainTextSegmenter.Segment(file));
}
