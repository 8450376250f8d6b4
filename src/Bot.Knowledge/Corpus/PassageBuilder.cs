namespace Bot.Knowledge.Corpus;

/// <summary>
/// Groups the article blocks of a source into passages a reader would call paragraphs: each prose block is one,
/// a sentence ending in a colon is joined with the list that follows it, and a run of list items is one.
/// Each passage carries the heading of its section; a heading of a boilerplate section, or a gap of two or more
/// blank lines (where a page's own heading was lost in copying), closes the section.
/// </summary>
public static class PassageBuilder
{
    /// <summary>Builds passages from <paramref name="blocks"/>, skipping those flagged as boilerplate or references.</summary>
    /// <param name="sourceId">The id the passages are attributed to.</param>
    /// <param name="text">The source text the blocks point into.</param>
    /// <param name="blocks">The segmented blocks.</param>
    /// <param name="dropped">For each block, whether it is not article text.</param>
    /// <param name="firstId">The id to give the first passage; the rest follow in order.</param>
    public static List<Passage> Build(string sourceId, string text, IReadOnlyList<TextBlock> blocks, IReadOnlyList<bool> dropped, int firstId)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(dropped);
        var passages = new List<Passage>();
        string? heading = null;
        var i = 0;
        while (i < blocks.Count)
        {
            var block = blocks[i];
            if (block.BlankLinesBefore >= 2)
            {
                heading = null;
            }

            if (dropped[i])
            {
                heading = block.Kind == BlockKind.Heading ? null : heading;
                i++;
                continue;
            }

            if (block.Kind == BlockKind.Heading)
            {
                heading = block.Text;
                i++;
                continue;
            }

            var end = i + 1;
            var introducesList = block.Kind == BlockKind.Paragraph && block.Text.EndsWith(':');
            if (block.Kind == BlockKind.ListItem || introducesList)
            {
                while (end < blocks.Count && !dropped[end] && blocks[end].Kind == BlockKind.ListItem)
                {
                    end++;
                }
            }

            // A lead-in whose list was lost (flattened text, or a list of headings) says nothing by itself.
            if (!(introducesList && end == i + 1))
            {
                var start = block.Start;
                var stop = blocks[end - 1].End;
                passages.Add(new Passage(firstId + passages.Count, sourceId, heading, start, stop, text[start..stop]));
            }

            i = end;
        }

        return passages;
    }
}
