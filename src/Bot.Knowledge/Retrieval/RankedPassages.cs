using System.Collections;
using Bot.Knowledge.Corpus;

namespace Bot.Knowledge.Retrieval;

/// <summary>
/// Scored passages, best first (by score, then by passage id), ordered only as far as they are read: an answer reads
/// the first few of 100k, so only the candidates that could be among the best <see cref="Top"/> are scored exactly and
/// ordered; every passage is scored exactly and sorted only when a reader goes past them (the tuner reads every passage).
/// </summary>
internal sealed class RankedPassages : IReadOnlyList<RankedPassage>
{
    /// <summary>Passages ordered at once; more than any answer with its "tell me more" follow-ups reads.</summary>
    public const int Top = 64;

    private readonly List<Passage> _passages;
    private readonly Func<PassageScore[]> _scoreAll;
    private readonly RankedPassage[] _top;
    private RankedPassage[]? _all;

    /// <param name="passages">Every passage ranked.</param>
    /// <param name="candidates">Indexes in <paramref name="passages"/> that hold every one of the best <see cref="Top"/>.</param>
    /// <param name="scores">Their exact scores.</param>
    /// <param name="scoreAll">Every passage's exact score, in the order of <paramref name="passages"/>.</param>
    public RankedPassages(List<Passage> passages, int[] candidates, PassageScore[] scores, Func<PassageScore[]> scoreAll)
    {
        _passages = passages;
        _scoreAll = scoreAll;
        var order = Enumerable.Range(0, candidates.Length).ToArray();
        Array.Sort(order, (a, b) => Compare(scores[a], passages[candidates[a]], scores[b], passages[candidates[b]]));
        _top = [.. order.Take(Top).Select(i => Ranked(passages[candidates[i]], scores[i]))];
    }

    public int Count => _passages.Count;

    public RankedPassage this[int index] => index < _top.Length ? _top[index] : All()[index];

    public IEnumerator<RankedPassage> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Negative when <paramref name="a"/> ranks before <paramref name="b"/>: higher score, then lower id.</summary>
    private static int Compare(PassageScore scoreA, Passage a, PassageScore scoreB, Passage b)
    {
        var byScore = scoreB.Score.CompareTo(scoreA.Score);
        return byScore != 0 ? byScore : a.Id.CompareTo(b.Id);
    }

    private RankedPassage[] All()
    {
        if (_all is null)
        {
            var scores = _scoreAll();
            var order = Enumerable.Range(0, scores.Length).ToArray();
            Array.Sort(order, (a, b) => Compare(scores[a], _passages[a], scores[b], _passages[b]));
            _all = [.. order.Select(i => Ranked(_passages[i], scores[i]))];
        }

        return _all;
    }

    private static RankedPassage Ranked(Passage passage, PassageScore score) =>
        new(passage, score.Lexical, score.Coverage, score.PassageCosine, score.SentenceCosine, score.SentenceIndex, score.QuestionCosine, score.Score);
}
