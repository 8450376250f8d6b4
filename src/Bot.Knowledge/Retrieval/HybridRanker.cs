using Bot.Knowledge.Corpus;
using Bot.Knowledge.Semantic;

namespace Bot.Knowledge.Retrieval;

/// <summary>
/// Fuses lexical search with sentence vectors: every original passage is scored (brute force: the corpus in about
/// 0.05 ms; 100k synthetic passages with their sentences and example questions take hundreds of milliseconds, bound by
/// memory bandwidth, see docs/performance.md) by a weighted mean of its lexical score, its lexical coverage, and its
/// cosine with the question for the passage, its closest sentence and its closest example question. Words find what patients name exactly ("sarcopenia"); vectors find what they
/// describe in their own words ("skin and bone", "lying in bed all day").
/// </summary>
public sealed class HybridRanker(PassageVectors vectors, RankingWeights weights)
{
    /// <summary>Passages scored per task; corpora larger than two of these are scanned on every core.</summary>
    private const int ScanChunk = 8_192;

    /// <summary>The weights in use.</summary>
    public RankingWeights Weights => weights;

    /// <summary>Ranks the candidates for <paramref name="queryVector"/> and the lexical <paramref name="lexical"/> result, best first.</summary>
    public IReadOnlyList<RankedPassage> Rank(IReadOnlyList<Passage> passages, SearchResult lexical, ReadOnlySpan<float> queryVector)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(lexical);
        var best = lexical.Hits.Count == 0 ? 1 : Math.Max(1e-9, lexical.Hits[0].Score);
        var hits = lexical.Hits.ToDictionary(hit => hit.Passage.Id);
        var originals = new List<Passage>(passages.Count);
        foreach (var passage in passages)
        {
            if (passage.GroupId == passage.Id)
            {
                originals.Add(passage);
            }
        }

        // Scored into one array of structs, in chunks on every core for large corpora (each chunk writes its own
        // range): the records are made only for the passages a caller reads, best first (see RankedPassages).
        var scores = new PassageScore[originals.Count];
        if (originals.Count <= 2 * ScanChunk)
        {
            Score(originals, hits, best, queryVector, scores, 0, originals.Count);
        }
        else
        {
            var query = queryVector.ToArray();
            Parallel.For(0, (originals.Count + ScanChunk - 1) / ScanChunk, chunk =>
                Score(originals, hits, best, query, scores, chunk * ScanChunk, Math.Min(originals.Count, (chunk + 1) * ScanChunk)));
        }

        return new RankedPassages(originals, scores);
    }

    private void Score(List<Passage> originals, Dictionary<int, SearchHit> hits, double best, ReadOnlySpan<float> queryVector, PassageScore[] scores, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var passage = originals[i];
            var (passageCosine, sentenceCosine, sentence, questionCosine) = vectors.Similarity(passage.Id, queryVector);
            var (lexicalShare, coverage) = hits.TryGetValue(passage.Id, out var hit) ? (hit.Score / best, hit.Coverage) : (0, 0);
            var score = weights.Score(lexicalShare, coverage, passageCosine, sentenceCosine, questionCosine);
            scores[i] = new PassageScore(lexicalShare, coverage, passageCosine, sentenceCosine, sentence, questionCosine, score);
        }
    }

    /// <summary>The calibrated probability that answering from the first of <paramref name="ranked"/> is right (0 when empty).</summary>
    public double Confidence(IReadOnlyList<RankedPassage> ranked, ReadOnlySpan<float> queryVector, int words)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        return ranked.Count == 0 ? 0 : weights.Confidence(ranked[0], ranked.Count > 1 ? ranked[1].Score : 0, vectors.Unanswerable(queryVector), words);
    }
}
