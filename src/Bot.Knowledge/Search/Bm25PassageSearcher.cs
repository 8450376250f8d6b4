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
        _state = NewState(snapshot);
    }

    /// <inheritdoc />
    public IndexSnapshot Snapshot => Volatile.Read(ref _state).Snapshot;

    /// <summary>Makes later searches read <paramref name="snapshot"/>; searches under way finish on the old one.</summary>
    public void Swap(IndexSnapshot snapshot) => Volatile.Write(ref _state, NewState(snapshot));

    /// <inheritdoc />
    public SearchResult Search(string question, int maxHits)
    {
        var (snapshot, impacts, trust) = Volatile.Read(ref _state);
        var query = _parser.Parse(question, snapshot);
        if (query.Clauses.Count == 0 || snapshot.PassageCount == 0)
        {
            return new SearchResult(query, []);
        }

        var top = TopPassageCollector.Collect(() => Scorers(snapshot, impacts, query), _options.RescoreDepth, TitleScores(snapshot, impacts, query), snapshot.SourceOrdinals);
        // Near-duplicates collapse first (each group keeps its best-scoring member), so the proximity bonus is
        // computed once per group; the original of each group is the passage cited.
        var groups = new HashSet<int>();
        var proximity = new Proximity(snapshot.Field(IndexField.Body), query, _options);
        var rescored = top
            .Where(entry => groups.Add(snapshot.Passages[entry.Passage].GroupId))
            .Select(entry => (entry.Passage, Score: (entry.Score + proximity.Bonus(entry.Passage)) * trust[snapshot.SourceOrdinals[entry.Passage]]))
            .ToList();
        rescored.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Passage.CompareTo(b.Passage));
        var total = query.TotalImportance;
        var hits = rescored
            .Take(maxHits)
            .Select(entry => new SearchHit(snapshot.Passages[snapshot.Passages[entry.Passage].GroupId], entry.Score, Math.Min(1, Coverage(impacts, query, entry.Passage) / total)))
            .ToList();
        return new SearchResult(query, hits);
    }

    /// <summary>A scorer for each question word some passage matches.</summary>
    private static ClauseScorer[] Scorers(IndexSnapshot snapshot, Bm25Impacts impacts, Query query) =>
        [.. query.Clauses.Select(clause => Alternatives(snapshot, impacts, clause)).Where(alternatives => alternatives.Count > 0).Select(alternatives => new ClauseScorer(alternatives))];

    private static List<ImpactCursor> Alternatives(IndexSnapshot snapshot, Bm25Impacts impacts, QueryClause clause)
    {
        var alternatives = new List<ImpactCursor>(clause.Terms.Count);
        foreach (var term in clause.Terms)
        {
            if (impacts.Passages(term.TermId) is { } termImpacts)
            {
                alternatives.Add(new ImpactCursor(termImpacts, term.Weight * Bm25Similarity.Idf(termImpacts.DocumentFrequency, snapshot.PassageCount)));
            }
        }

        return alternatives;
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

    /// <summary>
    /// A light tie-breaker by source ordinal: among equally good passages, the more trusted source ranks first.
    /// </summary>
    private static double[] TrustFactors(IndexSnapshot snapshot)
    {
        var factors = new double[snapshot.Titles.Lengths.Length];
        for (var passage = 0; passage < snapshot.PassageCount; passage++)
        {
            var trust = snapshot.Sources.TryGetValue(snapshot.Passages[passage].SourceId, out var source) ? source.TrustWeight : 0.8;
            factors[snapshot.SourceOrdinals[passage]] = 0.9 + (0.1 * trust);
        }

        return factors;
    }

    private State NewState(IndexSnapshot snapshot) => new(snapshot, new Bm25Impacts(snapshot, _similarity, _options), TrustFactors(snapshot));

    /// <summary>A snapshot and what is computed for it, swapped together.</summary>
    private sealed record State(IndexSnapshot Snapshot, Bm25Impacts Impacts, double[] Trust);
}
