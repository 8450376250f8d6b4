namespace Bot.Knowledge.Corpus;

/// <summary>Picks the <see cref="ISourceFormat"/> for a file by its extension.</summary>
public static class SourceFormats
{
    /// <summary>The reader for <paramref name="fileName"/>.</summary>
    /// <exception cref="InvalidDataException">The extension is not one the corpus supports.</exception>
    public static ISourceFormat For(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".txt" => PlainTextFormat.Instance,
        ".md" or ".markdown" => MarkdownFormat.Instance,
        ".html" or ".htm" => HtmlFormat.Instance,
        _ => throw new InvalidDataException($"'{fileName}': corpus files are .txt, .md or .html."),
    };
}
