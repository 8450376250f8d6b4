using Bot.Knowledge.Corpus;
using Bot.Knowledge.Indexing;
using Bot.Knowledge.Retrieval;

namespace Bot.Knowledge.Highlight;

/// <summary>
/// Picks the window of one to three consecutive sentences of a passage that covers the most of the question
/// (each question word counted once, by importance), preferring fewer sentences, within a length budget.
/// A window ending in a list's lead-in ("... include:") takes the list items that follow, and a window shorter
/// than a reader needs ("Focused ultrasound therapy is a relatively new treatment.") takes the next sentence. The result is the
/// source's own text: never rewritten, so any citation can be checked against the file.
/// </summary>
public sealed class PassageHighlighter(int maxSentences = 3, int maxCharacters = 420, int minCharacters = 160)
{
    private readonly SentenceWindow _window = new(maxSentences, maxCharacters, minCharacters);

    /// <summary>The best snippet of <paramref name="passage"/> for <paramref name="query"/>.</summary>
    public Snippet Highlight(PassageIndex index, Passage passage, Query query)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(passage);
        ArgumentNullException.ThrowIfNull(query);
        var sentences = index.Sentences(passage.Id);
        if (sentences.Length == 0)
        {
            return new Snippet(passage.Text, passage.Start, passage.End, 0, new double[query.Clauses.Count]);
        }

        var covered = new double[query.Clauses.Count];
        var bestStart = 0;
        var bestEnd = 0;
        var bestScore = double.NegativeInfinity;
        for (var first = 0; first < sentences.Length; first++)
        {
            Array.Clear(covered);
            for (var last = first; last < Math.Min(sentences.Length, first + maxSentences); last++)
            {
                if (last > first && sentences[last].End - sentences[first].Start > maxCharacters)
                {
                    break;
                }

                Cover(sentences[last], query, covered);
                var score = covered.Sum() - (0.01 * (last - first));
                if (score > bestScore)
                {
                    (bestStart, bestEnd, bestScore) = (first, last, score);
                }
            }
        }

        bestEnd = _window.Extend(passage.Text, [.. sentences.Select(sentence => (sentence.Start, sentence.End))], bestStart, bestEnd);

        Array.Clear(covered);
        for (var i = bestStart; i <= bestEnd; i++)
        {
            Cover(sentences[i], query, covered);
        }

        var start = sentences[bestStart].Start;
        var end = sentences[bestEnd].End;
        return new Snippet(passage.Text[start..end], passage.Start + start, passage.Start + end, Math.Max(0, bestScore), covered);
    }

    private static void Cover(IndexedSentence sentence, Query query, double[] covered)
    {
        for (var c = 0; c < query.Clauses.Count; c++)
        {
            var clause = query.Clauses[c];
            foreach (var term in clause.Terms)
            {
                if (sentence.Contains(term.Term))
                {
                    covered[c] = Math.Max(covered[c], clause.Importance * term.Weight);
                }
            }
        }
    }
}
