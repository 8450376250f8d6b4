using Bot.Knowledge.Corpus;
using Bot.Knowledge.Semantic;

namespace Bot.Knowledge.Retrieval;

/// <summary>
/// Fuses lexical search with sentence vectors: every original passage (brute force: a corpus of this size, and even
/// 100k passages, is scanned in milliseconds) is scored by a weighted sum of its lexical score, its lexical coverage, and its cosine with the question for the
/// passage and for its closest sentence. Words find what patients name exactly ("sarcopenia"); vectors find what they
/// describe in their own words ("skin and bone", "lying in bed all day").
/// </summary>
public sealed class HybridRanker(PassageVectors vectors, RankingWeights weights)
{
    /// <summary>The weights in use.</summary>
    public RankingWeights Weights => weights;

    /// <summary>Ranks the candidates for <paramref name="queryVector"/> and the lexical <paramref name="lexical"/> result, best first.</summary>
    public IReadOnlyList<RankedPassage> Rank(IReadOnlyList<Passage> passages, SearchResult lexical, ReadOnlySpan<float> queryVector)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(lexical);
        var best = lexical.Hits.Count == 0 ? 1 : Math.Max(1e-9, lexical.Hits[0].Score);
        var hits = lexical.Hits.ToDictionary(hit => hit.Passage.Id);
        var scored = new List<RankedPassage>(passages.Count);
        foreach (var passage in passages)
        {
            if (passage.GroupId != passage.Id)
            {
                continue;
            }

            var (passageCosine, sentenceCosine, sentence, questionCosine) = vectors.Similarity(passage.Id, queryVector);
            var (lexicalShare, coverage) = hits.TryGetValue(passage.Id, out var hit) ? (hit.Score / best, hit.Coverage) : (0, 0);
            var score = (weights.Lexical * lexicalShare) + (weights.Coverage * coverage) + (weights.Passage * passageCosine) + (weights.Sentence * sentenceCosine) + (weights.Question * questionCosine);
            scored.Add(new RankedPassage(passage, lexicalShare, coverage, passageCosine, sentenceCosine, sentence, questionCosine, score));
        }

        return [.. scored.OrderByDescending(candidate => candidate.Score).ThenBy(candidate => candidate.Passage.Id)];
    }

    /// <summary>The calibrated probability that answering from the first of <paramref name="ranked"/> is right (0 when empty).</summary>
    public double Confidence(IReadOnlyList<RankedPassage> ranked, ReadOnlySpan<float> queryVector, int words)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        return ranked.Count == 0 ? 0 : weights.Confidence(ranked[0], ranked.Count > 1 ? ranked[1].Score : 0, vectors.Unanswerable(queryVector), words);
    }
}
