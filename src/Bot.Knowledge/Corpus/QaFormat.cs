using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace Bot.Knowledge.Corpus;

/// <summary>
/// The clinic's own questions and answers (a source of kind <see cref="SourceMetadata.QaKind"/>), in Markdown:
/// each heading of level 2 or below is a question; a list right under it gives other ways patients ask it; the
/// paragraphs (and lists) after that, up to the next heading, are the clinic's answer, cited verbatim. A level-1
/// heading at the top is the page's title; text before the first question is a note for editors, never answered.
/// Front matter works as in <see cref="MarkdownFormat"/>.
/// </summary>
public static class QaFormat
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().UseYamlFrontMatter().Build();

    /// <summary>The page's title: its level-1 heading, when the file opens with one.</summary>
    public static string? Title(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Markdown.Parse(file, Pipeline).FirstOrDefault(block => block is not YamlFrontMatterBlock) is HeadingBlock { Level: 1 } heading
            ? Inline(file, heading)
            : null;
    }

    /// <summary>One passage per question of <paramref name="file"/>, numbered from <paramref name="firstId"/>.</summary>
    /// <exception cref="InvalidDataException">A question has no answer, a question is asked twice, or there is no question.</exception>
    public static IReadOnlyList<Passage> Passages(string sourceId, string file, int firstId)
    {
        ArgumentNullException.ThrowIfNull(file);
        var passages = new List<Passage>();
        var asked = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        HeadingBlock? question = null;
        var alternatives = new List<string>();
        (int Start, int End)? answer = null;
        foreach (var block in Markdown.Parse(file, Pipeline).Append(null))
        {
            if (block is HeadingBlock { Level: 1 } or YamlFrontMatterBlock or LinkReferenceDefinitionGroup or HtmlBlock { Type: HtmlBlockType.Comment })
            {
                continue;
            }

            if (block is null or HeadingBlock)
            {
                if (question is not null)
                {
                    passages.Add(Entry(question, alternatives, answer));
                }

                question = block as HeadingBlock;
                alternatives = [];
                answer = null;
                continue;
            }

            if (question is null)
            {
                continue;
            }

            if (block is ListBlock list && answer is null && alternatives.Count == 0)
            {
                alternatives.AddRange(list.OfType<ListItemBlock>().Select(item => Text(file, item.Span.Start, item.Span.End + 1).TrimStart('-', '*', '+', ' ', '\t')).Where(text => text.Length > 0));
                continue;
            }

            answer = (answer?.Start ?? block.Span.Start, block.Span.End + 1);
        }

        if (passages.Count == 0)
        {
            throw new InvalidDataException($"Source '{sourceId}' has no questions: each question is a '## ' heading followed by the clinic's answer.");
        }

        return passages;

        Passage Entry(HeadingBlock heading, List<string> others, (int Start, int End)? span)
        {
            var text = Inline(file, heading);
            if (span is not { } found)
            {
                throw new InvalidDataException($"Source '{sourceId}', line {heading.Line + 1}: the question '{text}' has no answer (write it as a paragraph under the question).");
            }

            if (!asked.Add(text))
            {
                throw new InvalidDataException($"Source '{sourceId}', line {heading.Line + 1}: the question '{text}' is asked twice.");
            }

            var end = Math.Min(found.End, file.Length);
            while (end > found.Start && char.IsWhiteSpace(file[end - 1]))
            {
                end--;
            }

            return new Passage(firstId + passages.Count, sourceId, text, found.Start, end, file[found.Start..end]) { Questions = [text, .. others] };
        }
    }

    /// <summary>
    /// A new entry for <paramref name="question"/>, ready to paste into the file: the question as a heading, and a
    /// comment where the other phrasings and the answer go. Pasted unedited it has no answer, so it is refused rather
    /// than answered with a placeholder.
    /// </summary>
    public static string Entry(string question)
    {
        var text = string.Join(' ', (question ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimStart('#', ' ');
        text = text.Length == 0 ? "Question" : char.ToUpperInvariant(text[0]) + text[1..];
        if (!text.EndsWith('?'))
        {
            text = text.TrimEnd('.', '!', ' ') + "?";
        }

        return $"## {text}\n\n<!-- Other ways patients ask it, one a line as \"- ...\"; then the clinic's answer, in plain sentences. -->\n";
    }

    /// <summary>A heading's text without its #s.</summary>
    private static string Inline(string file, HeadingBlock heading) => Text(file, heading.Span.Start, heading.Span.End + 1).TrimStart('#').Trim();

    private static string Text(string file, int start, int end) => file[start..Math.Min(end, file.Length)].Trim();
}
