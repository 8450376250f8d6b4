using System.Numerics.Tensors;
using Bot.Knowledge.Corpus;
using Bot.Knowledge.Retrieval;
using Bot.Knowledge.Semantic;

namespace Bot.Knowledge.Tests.Retrieval;

/// <summary>The ranker's scan (contiguous vectors, chunks on every core, beside the search on large corpora, a lazily ordered result) against the plain formula.</summary>
public sealed class HybridRankerScanTests
{
    private const int Dimensions = 16;

    [Theory]
    [InlineData(300, false)]
    [InlineData(300, true)]
    [InlineData(40_000, false)]
    [InlineData(40_000, true)]
    public void Rank_ManyPassages_EqualsTheWeightedMeanOrderedByScoreThenId(int count, bool floatsInAFile)
    {
        var random = new Random(count);
        var passages = Enumerable.Range(0, count).Select(id => new Passage(id, "s", null, 0, 20, id < 3 ? "muscle wasting and muscle loss" : $"passage {id}") { GroupId = id % 7 == 6 ? id - 1 : id }).ToArray();

        // Every fifth passage repeats an earlier one's vectors, so scores tie and the id decides.
        var vectors = new float[count][];
        var sentences = new float[count][][];
        var examples = new float[count][][];
        for (var id = 0; id < count; id++)
        {
            (vectors[id], sentences[id], examples[id]) = id % 5 == 4
                ? (vectors[id - 1], sentences[id - 1], examples[id - 1])
                : (Unit(random), [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => Unit(random))], [.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => Unit(random))]);
        }

        using var analyzer = TestIndex.Analyzer("and");
        using var index = TestIndex.Of(analyzer, passages[..3]);
        var lexical = TestIndex.Searcher(index).Search("muscle wasting", 30);
        var weights = new RankingWeights(0.25, 0.1, 0.3, 0.5, 2, [0], 0.5);
        var query = Unit(random);
        using var file = floatsInAFile ? new VectorFile(Path.Combine(Path.GetTempPath(), $"bot-test-{Guid.NewGuid():N}.bin")) : null;
        var sut = new HybridRanker(new PassageVectors(vectors, sentences, examples, file: file), weights);

        var ranked = sut.Rank(passages, lexical, query);
        var alongside = 0;
        using var scan = sut.Scan(query, () => alongside++);
        var fromScanBesideWork = sut.Rank(passages, lexical, query, scan);

        Assert.NotEmpty(lexical.Hits);
        Assert.Equal(Expected(passages, lexical, query, vectors, sentences, examples, weights), ranked.ToList());
        Assert.Equal(ranked.ToList(), Enumerable.Range(0, ranked.Count).Select(i => ranked[i]));
        Assert.Equal(ranked.ToList(), fromScanBesideWork.ToList());
        Assert.Equal(1, alongside);
    }

    [Fact]
    public void Rank_CosinesCloserThanTheQuantisationError_OrdersByTheExactCosines()
    {
        // Every passage's example question is at cosine 0.9 + id·10⁻⁵ from the query, far closer together than the
        // quantised cosines can tell apart, so the quantised scan alone orders them otherwise.
        const int count = 3_000;
        var random = new Random(7);
        var query = Unit(random);
        var passages = Enumerable.Range(0, count).Select(id => new Passage(id, "s", null, 0, 20, id < 3 ? "muscle wasting and muscle loss" : $"passage {id}")).ToArray();
        var vectors = passages.Select(_ => Unit(random)).ToArray();
        var sentences = passages.Select(_ => new[] { Unit(random) }).ToArray();
        var examples = passages.Select(passage => new[] { AtCosine(query, 0.9f + (passage.Id * 1e-5f), random) }).ToArray();
        using var analyzer = TestIndex.Analyzer("and");
        using var index = TestIndex.Of(analyzer, passages[..3]);
        var lexical = TestIndex.Searcher(index).Search("muscle wasting", 30);
        var weights = new RankingWeights(0.25, 0, 0, 0, 2, [0], 0.5);
        var stored = new PassageVectors(vectors, sentences, examples);
        var sut = new HybridRanker(stored, weights);
        var expected = Expected(passages, lexical, query, vectors, sentences, examples, weights);
        var quantised = new QuantizedQuery(query);
        var quantisedOrder = passages.OrderByDescending(passage => stored.ApproximateSimilarity(passage.Id, quantised, false, false, true).Question).Select(passage => passage.Id).Take(64);

        var ranked = sut.Rank(passages, lexical, query);

        Assert.NotEqual(expected.Where(candidate => candidate.Lexical == 0).Select(candidate => candidate.Passage.Id).Take(64), quantisedOrder.Where(id => id >= 3).Take(64));
        Assert.Equal(expected.Take(64), ranked.Take(64));
        Assert.Equal(expected, ranked.ToList());
    }

    /// <summary>A unit vector at cosine <paramref name="cosine"/> from the unit vector <paramref name="from"/>.</summary>
    [Fact]
    public void Rank_AnotherPassageList_RanksItsOwnOriginals()
    {
        // The ranker keeps the last list's originals; a list whose second passage is no longer a near-duplicate must rank it.
        var random = new Random(3);
        float[][] vectors = [Unit(random), Unit(random)];
        var sut = new HybridRanker(new PassageVectors(vectors, [[], []], [[], []]), new RankingWeights(0, 0, 1, 0, 0, [0], 0.5));
        Passage[] withDuplicate = [new(0, "s", null, 0, 20, "muscle wasting"), new(1, "s", null, 0, 20, "muscle wasting") { GroupId = 0 }];
        Passage[] distinct = [withDuplicate[0], withDuplicate[1] with { GroupId = 1 }];
        var lexical = new SearchResult(null!, new Query("q", []), []);

        var first = sut.Rank(withDuplicate, lexical, vectors[1]).Select(candidate => candidate.Passage.Id).ToList();
        var second = sut.Rank(distinct, lexical, vectors[1]).Select(candidate => candidate.Passage.Id).ToList();

        Assert.Equal([0], first);
        Assert.Equal([1, 0], second);
    }

    [Fact]
    public void Rank_AgainOnALargeCorpus_AllocatesNoArrayOfAScorePerPassage()
    {
        // 16,000 passages are ranked on the calling thread alone; a score per passage is 128 KB, on the large-object heap.
        const int count = 16_000;
        var random = new Random(11);
        var passages = Enumerable.Range(0, count).Select(id => new Passage(id, "s", null, 0, 20, $"passage {id}")).ToArray();
        var vectors = Enumerable.Range(0, count).Select(_ => Unit(random)).ToArray();
        var sut = new HybridRanker(new PassageVectors(vectors, [.. vectors.Select(vector => new[] { vector })], [.. vectors.Select(_ => Array.Empty<float[]>())]), new RankingWeights(0, 0, 0, 1, 0, [0], 0.5));
        var lexical = new SearchResult(null!, new Query("q", []), []);
        var query = Unit(random);
        _ = sut.Rank(passages, lexical, query).Take(8).ToList();

        var before = GC.GetAllocatedBytesForCurrentThread();
        _ = sut.Rank(passages, lexical, query).Take(8).ToList();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < count * sizeof(double), $"{allocated} bytes");
    }

    [Fact]
    public void Rank_DisposedScan_Throws()
    {
        var random = new Random(5);
        float[][] vectors = [Unit(random)];
        var sut = new HybridRanker(new PassageVectors(vectors, [[]], [[]]), new RankingWeights(0, 0, 1, 0, 0, [0], 0.5));
        var scan = sut.Scan(vectors[0], () => { });
        scan.Dispose();

        Assert.Throws<ObjectDisposedException>(() => sut.Rank([new Passage(0, "s", null, 0, 20, "text")], new SearchResult(null!, new Query("q", []), []), vectors[0], scan));
    }

    private static float[] AtCosine(float[] from, float cosine, Random random)
    {
        var other = Unit(random);
        var along = TensorPrimitives.Dot(other, from);
        for (var i = 0; i < other.Length; i++)
        {
            other[i] -= along * from[i];
        }

        TensorPrimitives.Divide(other, TensorPrimitives.Norm(other), other);
        var sine = MathF.Sqrt(1 - (cosine * cosine));
        return [.. from.Zip(other, (a, b) => (cosine * a) + (sine * b))];
    }

    /// <summary>The ranking as the formula states it, passage by passage.</summary>
    private static List<RankedPassage> Expected(Passage[] passages, SearchResult lexical, float[] query, float[][] vectors, float[][][] sentences, float[][][] examples, RankingWeights weights)
    {
        var best = Math.Max(1e-9, lexical.Hits[0].Score);
        var expected = new List<RankedPassage>();
        foreach (var passage in passages.Where(passage => passage.GroupId == passage.Id))
        {
            var (sentenceCosine, sentence) = (-1f, -1);
            for (var i = 0; i < sentences[passage.Id].Length; i++)
            {
                var cosine = TensorPrimitives.Dot(sentences[passage.Id][i], query);
                (sentenceCosine, sentence) = cosine > sentenceCosine ? (cosine, i) : (sentenceCosine, sentence);
            }

            var questionCosine = examples[passage.Id].Select(example => TensorPrimitives.Dot(example, query)).Append(0f).Max();
            var passageCosine = TensorPrimitives.Dot(vectors[passage.Id], query);
            var hit = lexical.Hits.FirstOrDefault(hit => hit.Passage.Id == passage.Id);
            var (share, coverage) = hit is null ? (0, 0) : (hit.Score / best, hit.Coverage);
            var score = ((weights.Lexical * share) + (weights.Coverage * coverage) + (weights.Passage * passageCosine) + (weights.Sentence * sentenceCosine) + (weights.Question * questionCosine))
                / (weights.Lexical + weights.Coverage + weights.Passage + weights.Sentence + weights.Question);
            expected.Add(new RankedPassage(passage, share, coverage, passageCosine, sentenceCosine, sentence, questionCosine, score));
        }

        return [.. expected.OrderByDescending(candidate => candidate.Score).ThenBy(candidate => candidate.Passage.Id)];
    }

    private static float[] Unit(Random random)
    {
        var vector = Enumerable.Range(0, Dimensions).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }
}
