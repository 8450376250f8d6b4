using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace Bot.Knowledge.Corpus;

/// <summary>
/// Markdown, parsed by Markdig with exact source positions. Optional YAML front matter (<c>title:</c>,
/// <c>publisher:</c>, <c>author:</c>, <c>date:</c>, <c>url:</c>) fills metadata the manifest leaves out.
/// Headings, paragraphs and list items become blocks whose text is the file's own characters.
/// </summary>
public sealed class MarkdownFormat : ISourceFormat
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().UseYamlFrontMatter().Build();

    /// <summary>The shared instance.</summary>
    public static MarkdownFormat Instance { get; } = new();

    /// <inheritdoc />
    public SourceMetadata ReadMetadata(string text, SourceMetadata declared)
    {
        var frontMatter = Markdown.Parse(text, Pipeline).OfType<YamlFrontMatterBlock>().FirstOrDefault();
        if (frontMatter is null)
        {
            return declared;
        }

        var fields = frontMatter.Lines.Lines.Take(frontMatter.Lines.Count)
            .Select(line => line.Slice.ToString().Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim().ToLowerInvariant(), parts => parts[1].Trim().Trim('"', '\''), StringComparer.Ordinal);
        string? Field(string name) => fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
        return declared with
        {
            Title = declared.Title ?? Field("title"),
            Publisher = declared.Publisher ?? Field("publisher"),
            Author = declared.Author ?? Field("author"),
            Date = declared.Date ?? Field("date"),
            Url = declared.Url ?? Field("url"),
        };
    }

    /// <inheritdoc />
    public SegmentedText Segment(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var text = file;
        var blocks = new List<TextBlock>();
        foreach (var block in Markdown.Parse(text, Pipeline).Descendants())
        {
            switch (block)
            {
                case HeadingBlock heading:
                    var start = heading.Span.Start;
                    var end = heading.Span.End + 1;
                    while (start < end && (text[start] == '#' || char.IsWhiteSpace(text[start])))
                    {
                        start++;
                    }

                    Add(blocks, text, start, end, BlockKind.Heading);
                    break;
                case ListItemBlock item when !item.Descendants<ListItemBlock>().Any():
                    Add(blocks, text, item.Span.Start, item.Span.End + 1, BlockKind.ListItem);
                    break;
                case ParagraphBlock paragraph when paragraph.Parent is not ListItemBlock:
                    Add(blocks, text, paragraph.Span.Start, paragraph.Span.End + 1, BlockKind.Paragraph);
                    break;
            }
        }

        return new SegmentedText(text, blocks);
    }

    private static void Add(List<TextBlock> blocks, string text, int start, int end, BlockKind kind)
    {
        end = Math.Min(end, text.Length);
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            blocks.Add(new TextBlock(start, end, kind, text[start..end], BlankLinesBefore: 1));
        }
    }
}
