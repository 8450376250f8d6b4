using Bot.Knowledge.Corpus;

namespace Bot.Knowledge.Highlight;

/// <summary>
/// Grows a chosen run of a passage's sentences into what a reader needs: a sentence that leads into a list
/// ("… include:") takes the list's items, and a window shorter than <paramref name="minCharacters"/> takes the next
/// sentence, within the length budget; at the end of its passage, the sentence before ("During FES, a trained technician
/// attaches electrodes to an atrophied limb." before "The electrodes transmit an electrical current, …"), unless it is
/// a list item (the item before it is about something else). The text stays the source's own.
/// </summary>
public sealed class SentenceWindow(int maxSentences = 3, int maxCharacters = 420, int minCharacters = 160)
{
    /// <summary>The snippet of <paramref name="passage"/> from sentence <paramref name="first"/> to <paramref name="last"/> (spans within its text), grown as above.</summary>
    public Snippet Grow(Passage passage, IReadOnlyList<(int Start, int End)> sentences, int first, int last, double score)
    {
        ArgumentNullException.ThrowIfNull(passage);
        last = Extend(passage.Text, sentences, first, last);
        while (first > 0 && last - first + 1 < maxSentences
            && sentences[last].End - sentences[first].Start < minCharacters
            && sentences[last].End - sentences[first - 1].Start <= maxCharacters
            && PlainTextSegmenter.Classify(passage.Text[sentences[first].Start..sentences[first].End]) != BlockKind.ListItem)
        {
            first--;
        }

        var (start, end) = (sentences[first].Start, sentences[last].End);
        return new Snippet(passage.Text[start..end], passage.Start + start, passage.Start + end, score, []);
    }

    /// <summary>The last sentence of the run from <paramref name="first"/> to <paramref name="last"/> once grown as above.</summary>
    public int Extend(string text, IReadOnlyList<(int Start, int End)> sentences, int first, int last)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentences);
        while (text[sentences[last].Start..sentences[last].End].EndsWith(':')
            && last + 1 < sentences.Count
            && sentences[last + 1].End - sentences[first].Start <= maxCharacters * 2)
        {
            last++;
            while (last + 1 < sentences.Count && PlainTextSegmenter.Classify(text[sentences[last + 1].Start..sentences[last + 1].End]) == BlockKind.ListItem
                && sentences[last + 1].End - sentences[first].Start <= maxCharacters * 2)
            {
                last++;
            }
        }

        while (last + 1 < sentences.Count && last - first + 1 < maxSentences
            && sentences[last].End - sentences[first].Start < minCharacters
            && sentences[last + 1].End - sentences[first].Start <= maxCharacters)
        {
            last++;
        }

        return last;
    }
}
