namespace Bot.Knowledge.Corpus;

/// <summary>How one file format is read: its own metadata, and its text cut into blocks with offsets into that text.</summary>
public interface ISourceFormat
{
    /// <summary>Fills the fields <paramref name="declared"/> leaves empty from what the file states about itself.</summary>
    SourceMetadata ReadMetadata(string text, SourceMetadata declared);

    /// <summary>The text passages are cut from (the file, or what it renders to) and its classified blocks.</summary>
    SegmentedText Segment(string file);
}
