using System.Buffers;
using Bot.Knowledge.Corpus;
using Bot.Knowledge.Semantic;

namespace Bot.Knowledge.Retrieval;

/// <summary>
/// Fuses lexical search with sentence vectors: every original passage is scored (brute force over byte-quantised
/// vectors, then exactly for the few that could be among the best; see docs/performance.md) by a weighted mean of its
/// lexical score, its lexical coverage, and its cosine with the question for the passage, its closest sentence and its
/// closest example question. Words find what patients name exactly ("sarcopenia"); vectors find what they describe in
/// their own words ("skin and bone", "lying in bed all day").
/// </summary>
public sealed class HybridRanker(PassageVectors vectors, RankingWeights weights)
{
    /// <summary>Passages scored per task; corpora larger than two of these are scanned on every core.</summary>
    private const int ScanChunk = 8_192;

    /// <summary>
    /// The original passages (not near-duplicates) of the last passage list ranked: the same list every question. A
    /// reference, so that a ranking on another thread reads a list and its originals from one write, never torn.
    /// </summary>
    private OriginalsOf? _originals;

    /// <summary>The weights in use.</summary>
    public RankingWeights Weights => weights;

    /// <summary>Ranks the candidates for <paramref name="queryVector"/> and the lexical <paramref name="lexical"/> result, best first.</summary>
    public IReadOnlyList<RankedPassage> Rank(IReadOnlyList<Passage> passages, SearchResult lexical, ReadOnlySpan<float> queryVector)
    {
        using var scan = Scan(queryVector);
        return Rank(passages, lexical, queryVector, scan);
    }

    /// <summary>
    /// The vector half of <see cref="Rank(IReadOnlyList{Passage}, SearchResult, ReadOnlySpan{float}, VectorScan)"/>'s
    /// quantised pass, which needs no lexical result (the score is a weighted mean), with <paramref name="alongside"/>
    /// (the search) run beside it when the corpus is large enough to be scanned on every core: fork and join with
    /// <see cref="Parallel.Invoke(Action[])"/>, whose caller runs the work itself rather than wait for a free thread.
    /// The caller disposes the scan once ranked.
    /// </summary>
    public VectorScan Scan(float[] queryVector, Action alongside)
    {
        ArgumentNullException.ThrowIfNull(queryVector);
        ArgumentNullException.ThrowIfNull(alongside);
        if (vectors.Count <= 2 * ScanChunk)
        {
            alongside();
            return Scan(queryVector);
        }

        VectorScan? scan = null;
        try
        {
            Parallel.Invoke(alongside, () => scan = Scan(queryVector));
        }
        catch (AggregateException failed) when (failed.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed.InnerExceptions[0]);
        }

        return scan!;
    }

    /// <summary>Ranks as <see cref="Rank(IReadOnlyList{Passage}, SearchResult, ReadOnlySpan{float})"/> does, from <paramref name="scan"/> of <paramref name="queryVector"/>.</summary>
    public IReadOnlyList<RankedPassage> Rank(IReadOnlyList<Passage> passages, SearchResult lexical, ReadOnlySpan<float> queryVector, VectorScan scan)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(lexical);
        ArgumentNullException.ThrowIfNull(scan);
        var best = lexical.Hits.Count == 0 ? 1 : Math.Max(1e-9, lexical.Hits[0].Score);
        var hits = lexical.Hits.ToDictionary(hit => hit.Passage.Id);
        var originals = Originals(passages);

        // Every passage's quantised score: its vector part from the scan, plus the lexical part of the few lexical hits.
        // Then exactly, in float32, only the passages whose quantised score is close enough to the best that they could
        // be among the first RankedPassages.Top: the rest are provably below them.
        var (scores, approximate) = (scan.Scores, ArrayPool<double>.Shared.Rent(originals.Count));
        int[] candidates;
        try
        {
            for (var i = 0; i < originals.Count; i++)
            {
                approximate[i] = scores[originals[i].Id];
                if (hits.TryGetValue(originals[i].Id, out var hit))
                {
                    approximate[i] += weights.Score(hit.Score / best, hit.Coverage, 0, 0, 0);
                }
            }

            // The Top-th best quantised score less the bound is at most the Top-th best exact score; a passage whose
            // quantised score is more than twice the bound below the Top-th best scores exactly less than that.
            var (passageError, sentenceError, questionError) = vectors.ErrorBounds(scan.Query);
            var error = Math.Abs(weights.Score(0, 0, passageError, 0, 0)) + Math.Abs(weights.Score(0, 0, 0, sentenceError, 0)) + Math.Abs(weights.Score(0, 0, 0, 0, questionError));
            var floor = KthLargest(approximate.AsSpan(0, originals.Count), RankedPassages.Top) - (2 * error);
            candidates = [.. Enumerable.Range(0, originals.Count).Where(i => approximate[i] >= floor)];
        }
        finally
        {
            ArrayPool<double>.Shared.Return(approximate);
        }

        var exact = new PassageScore[candidates.Length];
        for (var i = 0; i < candidates.Length; i++)
        {
            exact[i] = Score(originals[candidates[i]], hits, best, queryVector);
        }

        var vector = queryVector.ToArray();
        return new RankedPassages(originals, candidates, exact, () => ScoreAll(originals, hits, best, vector));
    }

    /// <summary>The passages of <paramref name="passages"/> that are their group's original, worked out once for each list.</summary>
    private List<Passage> Originals(IReadOnlyList<Passage> passages)
    {
        if (Volatile.Read(ref _originals) is { } known && ReferenceEquals(known.Passages, passages))
        {
            return known.Originals;
        }

        var originals = passages.Where(passage => passage.GroupId == passage.Id).ToList();
        Volatile.Write(ref _originals, new OriginalsOf(passages, originals));
        return originals;
    }

    private sealed record OriginalsOf(IReadOnlyList<Passage> Passages, List<Passage> Originals);

    /// <summary>Every passage's quantised cosines with <paramref name="queryVector"/>, weighted, in chunks on every core for large corpora (each chunk writes its own range).</summary>
    private VectorScan Scan(ReadOnlySpan<float> queryVector)
    {
        var scan = new VectorScan(new QuantizedQuery(queryVector), vectors.Count);
        var (query, scores) = (scan.Query, scan.Scores);
        InChunks(vectors.Count, (from, to) =>
        {
            for (var passage = from; passage < to; passage++)
            {
                var (passageCosine, sentenceCosine, questionCosine) = vectors.ApproximateSimilarity(passage, query, weights.Passage != 0, weights.Sentence != 0, weights.Question != 0);
                scores[passage] = weights.Score(0, 0, passageCosine, sentenceCosine, questionCosine);
            }
        });
        return scan;
    }

    /// <summary>Every passage scored exactly, for a reader that goes past the best (the tuner reads them all).</summary>
    private PassageScore[] ScoreAll(List<Passage> originals, Dictionary<int, SearchHit> hits, double best, float[] queryVector)
    {
        var scores = new PassageScore[originals.Count];
        InChunks(originals.Count, (from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                scores[i] = Score(originals[i], hits, best, queryVector);
            }
        });
        return scores;
    }

    /// <summary>
    /// Runs <paramref name="range"/> over 0..<paramref name="count"/>: in one go for a corpus of up to two chunks, else
    /// chunk by chunk on every core (each call writes its own range).
    /// </summary>
    private static void InChunks(int count, Action<int, int> range)
    {
        if (count <= 2 * ScanChunk)
        {
            range(0, count);
            return;
        }

        Parallel.For(0, (count + ScanChunk - 1) / ScanChunk, chunk => range(chunk * ScanChunk, Math.Min(count, (chunk + 1) * ScanChunk)));
    }

    private PassageScore Score(Passage passage, Dictionary<int, SearchHit> hits, double best, ReadOnlySpan<float> queryVector)
    {
        var (passageCosine, sentenceCosine, sentence, questionCosine) = vectors.Similarity(passage.Id, queryVector);
        var (lexicalShare, coverage) = hits.TryGetValue(passage.Id, out var hit) ? (hit.Score / best, hit.Coverage) : (0, 0);
        var score = weights.Score(lexicalShare, coverage, passageCosine, sentenceCosine, questionCosine);
        return new PassageScore(lexicalShare, coverage, passageCosine, sentenceCosine, sentence, questionCosine, score);
    }

    /// <summary>The <paramref name="k"/>-th largest of <paramref name="values"/> (the smallest when there are fewer; −∞ when none).</summary>
    private static double KthLargest(ReadOnlySpan<double> values, int k)
    {
        var largest = new PriorityQueue<double, double>(k);
        foreach (var value in values)
        {
            if (largest.Count < k)
            {
                largest.Enqueue(value, value);
            }
            else if (value > largest.Peek())
            {
                largest.EnqueueDequeue(value, value);
            }
        }

        return largest.Count == 0 ? double.NegativeInfinity : largest.Peek();
    }

    /// <summary>The calibrated probability that answering from the first of <paramref name="ranked"/> is right (0 when empty).</summary>
    public double Confidence(IReadOnlyList<RankedPassage> ranked, ReadOnlySpan<float> queryVector, int words)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        return ranked.Count == 0 ? 0 : weights.Confidence(ranked[0], ranked.Count > 1 ? ranked[1].Score : 0, vectors.Unanswerable(queryVector), words);
    }
}
