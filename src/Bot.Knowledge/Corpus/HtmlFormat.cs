using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Bot.Knowledge.Corpus;

/// <summary>
/// HTML pages, parsed by AngleSharp as a browser would. What a reader sees is rendered to text: scripts, styles,
/// navigation, asides, footers and forms are left out; each heading, paragraph and list item becomes one line
/// (list items start with "• " and follow the line before directly; other blocks stand apart by a blank line; white
/// space, including no-break spaces, folds to one space). Passages are cut from that rendering, so their
/// offsets count in the rendered text, not in the markup. The page's own title, site name, author, date and
/// canonical address fill metadata the manifest leaves out.
/// </summary>
public sealed partial class HtmlFormat : ISourceFormat
{
    private const string ListBullet = "• ";

    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "iframe", "svg", "button", "select", "object", "head",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "address", "article", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "ol", "p", "pre", "section", "summary",
        "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    };

    /// <summary>The shared instance.</summary>
    public static HtmlFormat Instance { get; } = new();

    /// <inheritdoc />
    public SourceMetadata ReadMetadata(string text, SourceMetadata declared)
    {
        ArgumentNullException.ThrowIfNull(declared);
        var document = new HtmlParser().ParseDocument(text);
        string? Meta(string selector) => document.QuerySelector(selector)?.GetAttribute("content")?.Trim() is { Length: > 0 } value ? value : null;
        var title = Meta("meta[property='og:title']") ?? (document.Title?.Trim() is { Length: > 0 } pageTitle ? pageTitle : null);
        var date = Meta("meta[property='article:published_time']") ?? Meta("meta[name='date']") ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime");
        var url = document.QuerySelector("link[rel='canonical']")?.GetAttribute("href") ?? Meta("meta[property='og:url']");
        return declared with
        {
            Title = declared.Title ?? title,
            Publisher = declared.Publisher ?? Meta("meta[property='og:site_name']"),
            Author = declared.Author ?? Meta("meta[name='author']"),
            Date = declared.Date ?? (date is null ? null : IsoDate().Match(date) is { Success: true } match ? match.Value : date),
            Url = declared.Url ?? (Uri.TryCreate(url, UriKind.Absolute, out var address) && address.Scheme is "https" or "http" ? url : null),
        };
    }

    /// <inheritdoc />
    public SegmentedText Segment(string file)
    {
        var document = new HtmlParser().ParseDocument(file);
        foreach (var hidden in document.All.Where(element => Hidden.Contains(element.LocalName)).ToList())
        {
            hidden.Remove();
        }

        var renderer = new Renderer();
        if (document.Body is { } body)
        {
            renderer.Block(body);
        }

        return renderer.Result();
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();


    /// <summary>Walks the body in reading order, gathering each block's inline text into one line.</summary>
    private sealed class Renderer
    {
        private readonly StringBuilder _text = new();
        private readonly StringBuilder _run = new();
        private readonly List<TextBlock> _blocks = [];

        public void Block(IElement element)
        {
            Inline(element, element.LocalName);
            Flush(element.LocalName);
        }

        public SegmentedText Result() => new(_text.ToString(), _blocks);

        private void Inline(INode node, string blockTag)
        {
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText text:
                        _run.Append(text.Data);
                        break;
                    case IHtmlBreakRowElement:
                        _run.Append(' ');
                        break;
                    case IElement element when Blocks.Contains(element.LocalName):
                        Flush(blockTag);
                        Block(element);
                        break;
                    case IElement element:
                        Inline(element, blockTag);
                        break;
                }
            }
        }

        private void Flush(string blockTag)
        {
            var content = WhiteSpace.Collapse(_run.ToString());
            _run.Clear();
            if (content.Length == 0)
            {
                return;
            }

            var kind = blockTag switch
            {
                "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => BlockKind.Heading,
                "li" => BlockKind.ListItem,
                _ => BlockKind.Paragraph,
            };
            var line = kind == BlockKind.ListItem ? ListBullet + content : content;
            // A list item follows the line before it directly, as a lead-in's list does in plain text.
            var tight = kind == BlockKind.ListItem;
            if (_text.Length > 0)
            {
                _text.Append(tight ? "\n" : "\n\n");
            }

            _blocks.Add(new TextBlock(_text.Length, _text.Length + line.Length, kind, line, tight ? 0 : 1));
            _text.Append(line);
        }
    }
}
