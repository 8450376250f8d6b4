using System.Buffers;
using Bot.Knowledge.Analysis;
using Bot.Knowledge.Index;

namespace Bot.Knowledge.Search;

/// <summary>
/// BM25 over the body, heading and title fields of an <see cref="IndexSnapshot"/>. Each question word scores the
/// best of its alternatives (itself, synonyms, typo correction) summed over fields by boost; the top passages then
/// earn a proximity bonus where neighbouring question words stand close together; near-duplicates collapse into
/// their original. Thread-safe: a search reads one snapshot; <see cref="Swap"/> replaces it atomically.
/// </summary>
public sealed class Bm25PassageSearcher : IPassageSearcher
{
    private static readonly IndexField[] Fields = Enum.GetValues<IndexField>();

    /// <summary>A pool only this class uses, whose arrays always come back all zero (each search zeroes what it wrote).</summary>
    private static readonly ArrayPool<double> ZeroedPool = ArrayPool<double>.Create();
    private readonly QueryParser _parser;
    private readonly SearchOptions _options;
    private readonly Bm25Similarity _similarity;
    private readonly double[] _boosts;

    /// <summary>How much a match in each field covers a question word: a source title says nothing about one passage.</summary>
    private readonly double[] _coverage;
    private IndexSnapshot _snapshot;

    /// <summary>Creates a searcher over <paramref name="snapshot"/>.</summary>
    public Bm25PassageSearcher(IndexSnapshot snapshot, Analyzer analyzer, SearchOptions options)
    {
        _snapshot = snapshot;
        _options = options;
        _parser = new QueryParser(analyzer, options);
        _similarity = new Bm25Similarity(options.K1, options.B);
        _boosts = [options.BodyBoost, options.HeadingBoost, options.TitleBoost, options.ContextBoost];
        _coverage = [1, 1, 0, options.ContextCoverage];
    }

    /// <inheritdoc />
    public IndexSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>Makes later searches read <paramref name="snapshot"/>; searches under way finish on the old one.</summary>
    public void Swap(IndexSnapshot snapshot) => Volatile.Write(ref _snapshot, snapshot);

    /// <inheritdoc />
    public SearchResult Search(string question, int maxHits)
    {
        var snapshot = Snapshot;
        var query = _parser.Parse(question, snapshot);
        var count = snapshot.PassageCount;
        if (query.Clauses.Count == 0 || count == 0)
        {
            return new SearchResult(query, []);
        }

        var scores = ArrayPool<double>.Shared.Rent(count);
        var coverage = ArrayPool<double>.Shared.Rent(count);
        var clauseScore = ZeroedPool.Rent(count);
        var clauseCover = ZeroedPool.Rent(count);
        var touched = new List<int>();
        var clauseTouched = new List<int>();
        var seen = ArrayPool<bool>.Shared.Rent(count);
        Array.Clear(seen, 0, count);
        try
        {
            foreach (var clause in query.Clauses)
            {
                ScoreClause(snapshot, clause, clauseScore, clauseCover, clauseTouched);
                foreach (var passage in clauseTouched)
                {
                    if (!seen[passage])
                    {
                        seen[passage] = true;
                        scores[passage] = 0;
                        coverage[passage] = 0;
                        touched.Add(passage);
                    }

                    scores[passage] += clauseScore[passage];
                    coverage[passage] += clauseCover[passage];
                    clauseScore[passage] = 0;
                    clauseCover[passage] = 0;
                }

                clauseTouched.Clear();
            }

            var top = TopPassages(touched, scores, _options.RescoreDepth);
            var total = query.TotalImportance;
            var rescored = top
                .Select(passage => (Passage: passage, Score: (scores[passage] + ProximityBonus(snapshot, query, passage)) * TrustFactor(snapshot, passage)))
                .OrderByDescending(entry => entry.Score)
                .ThenBy(entry => entry.Passage);
            var hits = new List<SearchHit>();
            var groups = new HashSet<int>();
            foreach (var (passage, score) in rescored)
            {
                var group = snapshot.Passages[passage].GroupId;
                if (groups.Add(group))
                {
                    hits.Add(new SearchHit(snapshot.Passages[group], score, Math.Min(1, coverage[passage] / total)));
                    if (hits.Count == maxHits)
                    {
                        break;
                    }
                }
            }

            ZeroedPool.Return(clauseScore);
            ZeroedPool.Return(clauseCover);
            return new SearchResult(query, hits);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scores);
            ArrayPool<double>.Shared.Return(coverage);
            ArrayPool<bool>.Shared.Return(seen);
        }
    }

    /// <summary>Each passage's best score over the clause's alternatives, and the importance it covers.</summary>
    private void ScoreClause(IndexSnapshot snapshot, QueryClause clause, double[] best, double[] cover, List<int> touched)
    {
        var count = snapshot.PassageCount;
        var termScore = ZeroedPool.Rent(count);
        var termTouched = new List<int>();
        foreach (var term in clause.Terms)
        {
            if (term.TermId < 0)
            {
                continue;
            }

            var coverWeight = clause.Importance * (term.Origin == QueryTermOrigin.Fuzzy ? _options.FuzzyWeight : 1);
            for (var f = 0; f < Fields.Length; f++)
            {
                var field = snapshot.Field(Fields[f]);
                if (field.Postings(term.TermId) is not { } postings)
                {
                    continue;
                }

                var idf = Bm25Similarity.Idf(postings.DocumentFrequency, count);
                var weight = term.Weight * _boosts[f];
                for (var i = 0; i < postings.Passages.Length; i++)
                {
                    var passage = postings.Passages[i];
                    if (termScore[passage] == 0)
                    {
                        termTouched.Add(passage);
                    }

                    termScore[passage] += weight * _similarity.Score(idf, postings.Frequencies[i], field.Lengths[passage], field.AverageLength);
                    if (Fields[f] != IndexField.Title)
                    {
                        // Covering a question word means the passage itself says it, not just its source's title.
                        if (best[passage] == 0 && cover[passage] == 0)
                        {
                            touched.Add(passage);
                        }

                        cover[passage] = Math.Max(cover[passage], coverWeight);
                    }
                }
            }

            // Fields add up for one term; alternatives do not: a synonym never counts on top of its word.
            foreach (var passage in termTouched)
            {
                if (best[passage] == 0 && cover[passage] == 0)
                {
                    touched.Add(passage);
                }

                best[passage] = Math.Max(best[passage], termScore[passage]);
                termScore[passage] = 0;
            }

            termTouched.Clear();
        }

        ZeroedPool.Return(termScore);
    }

    private static List<int> TopPassages(List<int> touched, double[] scores, int depth)
    {
        var heap = new PriorityQueue<int, double>(depth + 1);
        foreach (var passage in touched)
        {
            heap.Enqueue(passage, scores[passage]);
            if (heap.Count > depth)
            {
                heap.Dequeue();
            }
        }

        var top = new List<int>(heap.Count);
        while (heap.TryDequeue(out var passage, out _))
        {
            top.Add(passage);
        }

        return top;
    }

    /// <summary>A bonus for each pair of neighbouring question words found within a few positions, in order, in the body.</summary>
    private double ProximityBonus(IndexSnapshot snapshot, Query query, int passage)
    {
        var body = snapshot.Field(IndexField.Body);
        var bonus = 0.0;
        for (var i = 0; i + 1 < query.Clauses.Count; i++)
        {
            var left = query.Clauses[i];
            var right = query.Clauses[i + 1];
            if (right.Position - left.Position > 2)
            {
                continue;
            }

            if (StandClose(body, left, right, passage))
            {
                bonus += _options.ProximityBoost * Math.Min(left.Importance, right.Importance);
            }
        }

        return bonus;
    }

    /// <summary>Whether some term of <paramref name="right"/> follows some term of <paramref name="left"/> within the window.</summary>
    private bool StandClose(FieldIndex body, QueryClause left, QueryClause right, int passage)
    {
        foreach (var leftTerm in left.Terms)
        {
            var leftPositions = PositionsIn(body, leftTerm, passage);
            if (leftPositions.Length == 0)
            {
                continue;
            }

            foreach (var rightTerm in right.Terms)
            {
                foreach (var r in PositionsIn(body, rightTerm, passage))
                {
                    foreach (var l in leftPositions)
                    {
                        if (r > l && r - l <= _options.ProximityWindow)
                        {
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }

    private static int[] PositionsIn(FieldIndex body, QueryTerm term, int passage)
    {
        if (body.Postings(term.TermId) is not { } postings)
        {
            return [];
        }

        var index = Array.BinarySearch(postings.Passages, passage);
        return index >= 0 ? postings.Positions[index] : [];
    }

    /// <summary>A light tie-breaker: among equally good passages, the more trusted source ranks first.</summary>
    private static double TrustFactor(IndexSnapshot snapshot, int passage)
    {
        var trust = snapshot.Sources.TryGetValue(snapshot.Passages[passage].SourceId, out var source) ? source.TrustWeight : 0.8;
        return 0.9 + (0.1 * trust);
    }
}
