namespace Bot.Knowledge.Corpus;

/// <summary>How one file format is read: its own metadata, and its blocks with offsets into the file's text.</summary>
public interface ISourceFormat
{
    /// <summary>Fills the fields <paramref name="declared"/> leaves empty from what the file states about itself.</summary>
    SourceMetadata ReadMetadata(string text, SourceMetadata declared);

    /// <summary>Cuts the file's text into classified blocks.</summary>
    IReadOnlyList<TextBlock> Segment(string text);
}
