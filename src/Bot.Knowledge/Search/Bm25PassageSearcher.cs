using Bot.Knowledge.Analysis;
using Bot.Knowledge.Index;

namespace Bot.Knowledge.Search;

/// <summary>
/// BM25 over the body, heading and context fields of an <see cref="IndexSnapshot"/>, plus the source title. Each
/// question word scores the best of its alternatives (itself, synonyms, typo correction) summed over fields by
/// boost; the top passages are found with MaxScore pruning, then earn a proximity bonus where neighbouring question
/// words stand close together; near-duplicates collapse into their original. Thread-safe: a search reads one
/// snapshot; <see cref="Swap"/> replaces it atomically.
/// </summary>
public sealed class Bm25PassageSearcher : IPassageSearcher
{
    private static readonly IndexField[] Fields = Enum.GetValues<IndexField>();
    private readonly QueryParser _parser;
    private readonly SearchOptions _options;
    private readonly Bm25Similarity _similarity;
    private readonly double[] _boosts;
    private State _state;

    /// <summary>Creates a searcher over <paramref name="snapshot"/>.</summary>
    public Bm25PassageSearcher(IndexSnapshot snapshot, Analyzer analyzer, SearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _parser = new QueryParser(analyzer, options);
        _similarity = new Bm25Similarity(options.K1, options.B);
        _boosts = [options.BodyBoost, options.HeadingBoost, options.ContextBoost];
        _state = new State(snapshot, new Bm25Impacts(snapshot, _similarity));
    }

    /// <inheritdoc />
    public IndexSnapshot Snapshot => Volatile.Read(ref _state).Snapshot;

    /// <summary>Makes later searches read <paramref name="snapshot"/>; searches under way finish on the old one.</summary>
    public void Swap(IndexSnapshot snapshot) => Volatile.Write(ref _state, new State(snapshot, new Bm25Impacts(snapshot, _similarity)));

    /// <inheritdoc />
    public SearchResult Search(string question, int maxHits)
    {
        var (snapshot, impacts) = Volatile.Read(ref _state);
        var query = _parser.Parse(question, snapshot);
        if (query.Clauses.Count == 0 || snapshot.PassageCount == 0)
        {
            return new SearchResult(query, []);
        }

        var titles = TitleScores(snapshot, impacts, query);
        var maxTitle = titles.DefaultIfEmpty(0).Max();
        var clauses = query.Clauses.Select(clause => Scorer(snapshot, impacts, clause)).ToArray();
        var matches = new Dictionary<int, (double Proximity, double Coverage)>();
        var top = MaxScoreCollector.Collect(
            [.. clauses.Where(clause => clause.MaxScore > 0)],
            _options.RescoreDepth,
            passage => titles[snapshot.SourceOrdinal(passage)],
            maxTitle,
            passage => matches[passage] = (ProximityBonus(query, clauses, passage), clauses.Sum(clause => clause.Coverage(passage))));
        var rescored = top
            .Select(entry => (entry.Passage, Score: (entry.Score + matches[entry.Passage].Proximity) * TrustFactor(snapshot, entry.Passage)))
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
                hits.Add(new SearchHit(snapshot.Passages[group], score, Math.Min(1, matches[passage].Coverage / total)));
                if (hits.Count == maxHits)
                {
                    break;
                }
            }
        }

        return new SearchResult(query, hits);
    }

    private ClauseScorer Scorer(IndexSnapshot snapshot, Bm25Impacts impacts, QueryClause clause)
    {
        var cursors = new List<PostingCursor>();
        var coverage = new double[clause.Terms.Count];
        for (var t = 0; t < clause.Terms.Count; t++)
        {
            var term = clause.Terms[t];
            coverage[t] = clause.Importance * (term.Origin == QueryTermOrigin.Fuzzy ? _options.FuzzyWeight : 1);
            for (var f = 0; f < Fields.Length; f++)
            {
                if (snapshot.Field(Fields[f]).Postings(term.TermId) is { } postings && impacts.Saturations(f, term.TermId) is { } saturations)
                {
                    var idf = Bm25Similarity.Idf(postings.DocumentFrequency, snapshot.PassageCount);
                    cursors.Add(new PostingCursor(postings, saturations, term.Weight * _boosts[f] * idf, t, Fields[f]));
                }
            }
        }

        return new ClauseScorer(cursors, coverage);
    }

    /// <summary>What each source's title adds to its passages: per question word, its best alternative in the title.</summary>
    private double[] TitleScores(IndexSnapshot snapshot, Bm25Impacts impacts, Query query)
    {
        var scores = new double[snapshot.Titles.Lengths.Length];
        var best = new double[scores.Length];
        foreach (var clause in query.Clauses)
        {
            Array.Clear(best);
            foreach (var term in clause.Terms)
            {
                if (snapshot.Titles.Postings(term.TermId) is not { } postings || impacts.Saturations(Bm25Impacts.TitleSlot, term.TermId) is not { } saturations)
                {
                    continue;
                }

                var weight = term.Weight * _options.TitleBoost * Bm25Similarity.Idf(postings.DocumentFrequency, scores.Length);
                for (var i = 0; i < postings.DocumentFrequency; i++)
                {
                    best[postings.Documents[i]] = Math.Max(best[postings.Documents[i]], weight * saturations[i]);
                }
            }

            for (var source = 0; source < scores.Length; source++)
            {
                scores[source] += best[source];
            }
        }

        return scores;
    }

    /// <summary>A bonus for each pair of neighbouring question words found within a few positions, in order, in the body.</summary>
    private double ProximityBonus(Query query, ClauseScorer[] clauses, int passage)
    {
        var bonus = 0.0;
        for (var i = 0; i + 1 < clauses.Length; i++)
        {
            var (left, right) = (query.Clauses[i], query.Clauses[i + 1]);
            if (right.Position - left.Position <= 2 && clauses[i].IsFollowedBy(clauses[i + 1], passage, _options.ProximityWindow))
            {
                bonus += _options.ProximityBoost * Math.Min(left.Importance, right.Importance);
            }
        }

        return bonus;
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
