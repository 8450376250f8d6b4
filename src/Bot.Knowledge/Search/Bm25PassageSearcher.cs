using Bot.Knowledge.Analysis;
using Bot.Knowledge.Index;

namespace Bot.Knowledge.Search;

/// <summary>
/// BM25 over the body, heading and context fields of an <see cref="IndexSnapshot"/> scored as one (see
/// <see cref="Bm25Impacts"/>), plus the source title. Each question word scores the best of its alternatives
/// (itself, synonyms, typo correction); the top passages are collected a window at a time with block-max skipping
/// (<see cref="TopPassageCollector"/>), then earn a proximity bonus where neighbouring question words stand close
/// together; near-duplicates collapse into their original. Thread-safe: a search reads one snapshot;
/// <see cref="Swap"/> replaces it atomically, with the impacts computed for it.
/// </summary>
public sealed class Bm25PassageSearcher : IPassageSearcher
{
    private readonly QueryParser _parser;
    private readonly SearchOptions _options;
    private readonly Bm25Similarity _similarity;
    private State _state;

    /// <summary>Creates a searcher over <paramref name="snapshot"/>.</summary>
    public Bm25PassageSearcher(IndexSnapshot snapshot, Analyzer analyzer, SearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _parser = new QueryParser(analyzer, options);
        _similarity = new Bm25Similarity(options.K1, options.B);
        _state = new State(snapshot, new Bm25Impacts(snapshot, _similarity, _options));
    }

    /// <inheritdoc />
    public IndexSnapshot Snapshot => Volatile.Read(ref _state).Snapshot;

    /// <summary>Makes later searches read <paramref name="snapshot"/>; searches under way finish on the old one.</summary>
    public void Swap(IndexSnapshot snapshot) => Volatile.Write(ref _state, new State(snapshot, new Bm25Impacts(snapshot, _similarity, _options)));

    /// <inheritdoc />
    public SearchResult Search(string question, int maxHits)
    {
        var (snapshot, impacts) = Volatile.Read(ref _state);
        var query = _parser.Parse(question, snapshot);
        if (query.Clauses.Count == 0 || snapshot.PassageCount == 0)
        {
            return new SearchResult(query, []);
        }

        var top = TopPassageCollector.Collect(() => Scorers(snapshot, impacts, query), _options.RescoreDepth, TitleScores(snapshot, impacts, query), snapshot.SourceOrdinals);
        var rescored = top
            .Select(entry => (entry.Passage, Score: (entry.Score + ProximityBonus(snapshot, query, entry.Passage)) * TrustFactor(snapshot, entry.Passage)))
            .OrderByDescending(entry => entry.Score)
            .ThenBy(entry => entry.Passage);
        var hits = new List<SearchHit>();
        var groups = new HashSet<int>();
        var total = query.TotalImportance;
        foreach (var (passage, score) in rescored)
        {
            var group = snapshot.Passages[passage].GroupId;
            if (groups.Add(group))
            {
                hits.Add(new SearchHit(snapshot.Passages[group], score, Math.Min(1, Coverage(impacts, query, passage) / total)));
                if (hits.Count == maxHits)
                {
                    break;
                }
            }
        }

        return new SearchResult(query, hits);
    }

    private static ClauseScorer[] Scorers(IndexSnapshot snapshot, Bm25Impacts impacts, Query query) =>
        [.. query.Clauses.Select(clause => Scorer(snapshot, impacts, clause)).Where(clause => clause.MaxScore > 0)];

    private static ClauseScorer Scorer(IndexSnapshot snapshot, Bm25Impacts impacts, QueryClause clause)
    {
        var alternatives = new List<ImpactCursor>(clause.Terms.Count);
        foreach (var term in clause.Terms)
        {
            if (impacts.Passages(term.TermId) is { } termImpacts)
            {
                alternatives.Add(new ImpactCursor(termImpacts, term.Weight * Bm25Similarity.Idf(termImpacts.DocumentFrequency, snapshot.PassageCount)));
            }
        }

        return new ClauseScorer(alternatives);
    }

    /// <summary>What each source's title adds to its passages: per question word, its best alternative in the title.</summary>
    private static double[] TitleScores(IndexSnapshot snapshot, Bm25Impacts impacts, Query query)
    {
        var scores = new double[snapshot.Titles.Lengths.Length];
        var best = new double[scores.Length];
        foreach (var clause in query.Clauses)
        {
            Array.Clear(best);
            foreach (var term in clause.Terms)
            {
                if (impacts.Titles(term.TermId) is not { } titles)
                {
                    continue;
                }

                var weight = term.Weight * Bm25Similarity.Idf(titles.DocumentFrequency, scores.Length);
                for (var i = 0; i < titles.DocumentFrequency; i++)
                {
                    best[titles.Documents[i]] = Math.Max(best[titles.Documents[i]], weight * titles.Impacts[i]);
                }
            }

            for (var source = 0; source < scores.Length; source++)
            {
                scores[source] += best[source];
            }
        }

        return scores;
    }

    /// <summary>How much of the question's importance the passage's own text (not its source's title) matches.</summary>
    private double Coverage(Bm25Impacts impacts, Query query, int passage)
    {
        var covered = 0.0;
        foreach (var clause in query.Clauses)
        {
            var best = 0.0;
            foreach (var term in clause.Terms)
            {
                var weight = clause.Importance * (term.Origin == QueryTermOrigin.Fuzzy ? _options.FuzzyWeight : 1);
                if (weight > best && impacts.Passages(term.TermId) is { } termImpacts && Array.BinarySearch(termImpacts.Documents, passage) >= 0)
                {
                    best = weight;
                }
            }

            covered += best;
        }

        return covered;
    }

    /// <summary>A bonus for each pair of neighbouring question words found within a few positions, in order, in the body.</summary>
    private double ProximityBonus(IndexSnapshot snapshot, Query query, int passage)
    {
        var body = snapshot.Field(IndexField.Body);
        var positions = query.Clauses.Select(clause => Positions(body, clause, passage)).ToArray();
        var bonus = 0.0;
        for (var i = 0; i + 1 < query.Clauses.Count; i++)
        {
            var (left, right) = (query.Clauses[i], query.Clauses[i + 1]);
            if (right.Position - left.Position <= 2 && StandClose(positions[i], positions[i + 1]))
            {
                bonus += _options.ProximityBoost * Math.Min(left.Importance, right.Importance);
            }
        }

        return bonus;
    }

    /// <summary>Whether some position on the right follows some position on the left within the proximity window.</summary>
    private bool StandClose(List<(PostingList Postings, int Index)> left, List<(PostingList Postings, int Index)> right)
    {
        foreach (var (leftPostings, leftIndex) in left)
        {
            foreach (var (rightPostings, rightIndex) in right)
            {
                foreach (var r in rightPostings.PositionsAt(rightIndex))
                {
                    foreach (var l in leftPostings.PositionsAt(leftIndex))
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

    /// <summary>Where the clause's alternatives stand in the passage body: each as its posting list and the passage's index in it.</summary>
    private static List<(PostingList Postings, int Index)> Positions(FieldIndex body, QueryClause clause, int passage)
    {
        var found = new List<(PostingList, int)>(clause.Terms.Count);
        foreach (var term in clause.Terms)
        {
            if (body.Postings(term.TermId) is { } postings && postings.IndexOf(passage) is var index and >= 0)
            {
                found.Add((postings, index));
            }
        }

        return found;
    }

    /// <summary>A light tie-breaker: among equally good passages, the more trusted source ranks first.</summary>
    private static double TrustFactor(IndexSnapshot snapshot, int passage)
    {
        var trust = snapshot.Sources.TryGetValue(snapshot.Passages[passage].SourceId, out var source) ? source.TrustWeight : 0.8;
        return 0.9 + (0.1 * trust);
    }

    /// <summary>A snapshot and the impacts computed for it, swapped together.</summary>
    private sealed record State(IndexSnapshot Snapshot, Bm25Impacts Impacts);
}
