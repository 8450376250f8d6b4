using System.Collections;
using Bot.Knowledge.Corpus;

namespace Bot.Knowledge.Retrieval;

/// <summary>
/// Scored passages, best first (by score, then by passage id), ordered only as far as they are read: an answer reads
/// the first few of 100k, so the best <see cref="Top"/> are picked in one pass (a bounded heap) and the full order is
/// sorted only when a reader goes past them (the tuner reads every passage).
/// </summary>
internal sealed class RankedPassages : IReadOnlyList<RankedPassage>
{
    /// <summary>Passages ordered at once; more than any answer with its "tell me more" follow-ups reads.</summary>
    private const int Top = 64;

    private readonly List<Passage> _passages;
    private readonly PassageScore[] _scores;
    private readonly RankedPassage[] _top;
    private RankedPassage[]? _all;

    public RankedPassages(List<Passage> passages, PassageScore[] scores)
    {
        _passages = passages;
        _scores = scores;
        var worstFirst = new PriorityQueue<int, int>(Comparer<int>.Create((a, b) => Compare(b, a)));
        for (var i = 0; i < scores.Length; i++)
        {
            if (worstFirst.Count < Top)
            {
                worstFirst.Enqueue(i, i);
            }
            else if (Compare(i, worstFirst.Peek()) < 0)
            {
                worstFirst.EnqueueDequeue(i, i);
            }
        }

        var best = new int[worstFirst.Count];
        for (var i = best.Length - 1; i >= 0; i--)
        {
            best[i] = worstFirst.Dequeue();
        }

        _top = [.. best.Select(Ranked)];
    }

    public int Count => _scores.Length;

    public RankedPassage this[int index] => index < _top.Length ? _top[index] : All()[index];

    public IEnumerator<RankedPassage> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Negative when passage <paramref name="a"/> ranks before <paramref name="b"/>: higher score, then lower id.</summary>
    private int Compare(int a, int b)
    {
        var byScore = _scores[b].Score.CompareTo(_scores[a].Score);
        return byScore != 0 ? byScore : _passages[a].Id.CompareTo(_passages[b].Id);
    }

    private RankedPassage[] All()
    {
        if (_all is null)
        {
            var order = Enumerable.Range(0, _scores.Length).ToArray();
            Array.Sort(order, Compare);
            _all = [.. order.Select(Ranked)];
        }

        return _all;
    }

    private RankedPassage Ranked(int i)
    {
        var score = _scores[i];
        return new RankedPassage(_passages[i], score.Lexical, score.Coverage, score.PassageCosine, score.SentenceCosine, score.SentenceIndex, score.QuestionCosine, score.Score);
    }
}
