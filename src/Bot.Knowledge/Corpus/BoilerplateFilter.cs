using System.Text.RegularExpressions;

namespace Bot.Knowledge.Corpus;

/// <summary>
/// Marks the blocks of a web page that are not the article: advertiser disclosures, editorial promises,
/// newsletter boxes, bylines, image captions, "Learn more about X here." links, comment forms, and everything
/// from a reader-comment section or a citation-format block to the end of the page. A heading whose section
/// opens with such text is marked too. The rules are about the shape of web pages, not about any one page.
/// </summary>
public static partial class BoilerplateFilter
{
    /// <summary>Returns, for each block, whether it is boilerplate.</summary>
    public static bool[] Classify(IReadOnlyList<TextBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var flags = new bool[blocks.Count];
        var captions = new bool[blocks.Count];
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (StartsTail(block))
            {
                for (var j = i; j < blocks.Count; j++)
                {
                    flags[j] = true;
                }

                break;
            }

            if (block.Text.Contains("Share on Pinterest", StringComparison.OrdinalIgnoreCase))
            {
                // A figure: the share button's line and the caption lines that follow it without a blank line.
                captions[i] = flags[i] = true;
                for (var j = i + 1; j < blocks.Count && blocks[j].BlankLinesBefore == 0; j++)
                {
                    captions[j] = flags[j] = true;
                }

                continue;
            }

            flags[i] |= IsBoilerplate(block.Text);
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Kind != BlockKind.Heading || flags[i])
            {
                continue;
            }

            var next = i + 1;
            while (next < blocks.Count && captions[next])
            {
                next++;
            }

            flags[i] = next < blocks.Count && flags[next] && !captions[next];
        }

        return flags;
    }

    /// <summary>Whether a single block is boilerplate by its own text.</summary>
    public static bool IsBoilerplate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return LinkOut().IsMatch(text) || Byline().IsMatch(text) || Dateline().IsMatch(text) || ImageCredit().IsMatch(text)
            || CommentForm().IsMatch(text) || Promotion().IsMatch(text)
            || (FirstPersonPlural().IsMatch(text) && EditorialWord().IsMatch(text));
    }

    /// <summary>Blocks after which nothing on a page is article text: reader comments, citation formats.</summary>
    private static bool StartsTail(TextBlock block) =>
        (block.Kind == BlockKind.Heading && CommentsHeading().IsMatch(block.Text))
        || CommentAuthor().IsMatch(block.Text)
        || CitationFormats().IsMatch(block.Text);

    [GeneratedRegex(@"^(Learn|Read|Find out) more\b.*\bhere\s*\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex LinkOut();

    [GeneratedRegex(@"^By\s+\p{Lu}[\p{L}.'-]*(\s+\p{Lu}[\p{L}.'-]*){0,3}$")]
    private static partial Regex Byline();

    [GeneratedRegex(@"^(Updated|Published|Reviewed|Last (updated|reviewed)|Medically reviewed)\b.{0,60}\d{4}\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Dateline();

    [GeneratedRegex(@"^Image credit\b", RegexOptions.IgnoreCase)]
    private static partial Regex ImageCredit();

    [GeneratedRegex(@"^(Please enter your\b|Leave a (reply|comment)\b|Post a comment\b|Add a comment\b)", RegexOptions.IgnoreCase)]
    private static partial Regex CommentForm();

    [GeneratedRegex(@"\b(advertis\w*|affiliate\w*|sponsored|in your inbox|newsletter|subscribe)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Promotion();

    [GeneratedRegex(@"\b(we|our|ours|us|we've|we're|we’ve|we’re)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FirstPersonPlural();

    [GeneratedRegex(@"\b(commission\w*|editor\w*|content|readers?|articles?|publish\w*|fact-check\w*|reputable|trustworthy|company|website)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EditorialWord();

    [GeneratedRegex(@"^((Discussion|Reader|User)\s+)?Comments?\b", RegexOptions.IgnoreCase)]
    private static partial Regex CommentsHeading();

    [GeneratedRegex(@"^By\s+\S+\s+[—–-]\s+On\s", RegexOptions.IgnoreCase)]
    private static partial Regex CommentAuthor();

    [GeneratedRegex(@"formats? to cite this (article|page)", RegexOptions.IgnoreCase)]
    private static partial Regex CitationFormats();
}
