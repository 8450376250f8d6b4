using Bot.Knowledge.Indexing;
using Lucene.Net.Search;

namespace Bot.Knowledge.Retrieval;

/// <summary>
/// Ranks passages with Lucene: the first pass scores every passage matching a question word (BM25 over body,
/// heading, context and title, see <see cref="QueryBuilder"/>); Lucene's <see cref="QueryRescorer"/> adds the proximity
/// bonus to the best <see cref="SearchOptions.RescoreDepth"/>; near-duplicates collapse into their original, and a
/// light factor for the source's trust breaks near-ties. Thread-safe: the index never changes (a new corpus gets a new
/// searcher, see <see cref="KnowledgeBase"/>).
/// </summary>
public sealed class LucenePassageSearcher : IPassageSearcher
{
    private readonly QueryBuilder _builder;
    private readonly SearchOptions _options;
    private readonly PassageIndex _index;

    /// <summary>Creates a searcher over <paramref name="index"/>.</summary>
    public LucenePassageSearcher(PassageIndex index, SearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _builder = new QueryBuilder(options);
        _index = index;
    }

    /// <inheritdoc />
    public SearchResult Search(string question, int maxHits)
    {
        var index = _index;
        var lookup = index.Lookup();
        var query = _builder.Parse(question, index, lookup);
        if (query.Clauses.Count == 0 || index.PassageCount == 0 || maxHits <= 0)
        {
            return new SearchResult(index, query, []);
        }

        var depth = Math.Max(_options.RescoreDepth, 2 * maxHits);
        var top = index.Searcher.Search(_builder.Match(query, index, lookup), depth);
        if (top.ScoreDocs.Length > 0 && _builder.Proximity(query) is { } proximity)
        {
            // topN no larger than the hits: Lucene.Net 4.8.0-beta00017's QueryRescorer overruns its array otherwise.
            top = new ProximityRescorer(proximity).Rescore(index.Searcher, top, top.ScoreDocs.Length);
        }

        // Near-duplicates collapse (each group keeps its best-scoring member, whose coverage counts); the original of
        // each group is the passage cited.
        var groups = new HashSet<int>();
        var ranked = new List<(int Passage, double Score)>(top.ScoreDocs.Length);
        foreach (var scored in top.ScoreDocs)
        {
            var passage = index.Passages[index.PassageOf(scored.Doc)];
            if (groups.Add(passage.GroupId))
            {
                ranked.Add((passage.Id, scored.Score * Trust(index, passage.SourceId)));
            }
        }

        ranked.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Passage.CompareTo(b.Passage));
        var total = query.TotalImportance;
        var hits = ranked
            .Take(maxHits)
            .Select(entry => new SearchHit(index.Passages[index.Passages[entry.Passage].GroupId], entry.Score, Math.Min(1, Coverage(index, lookup, query, entry.Passage) / total)))
            .ToList();
        return new SearchResult(index, query, hits);
    }

    /// <summary>
    /// How much of the question's importance the passage matches in its own text (body, heading, context; not its
    /// source's title) or in the questions it answers: "skin and bone" is covered by cachexia's passage through its
    /// example question "why do cancer patients go skin and bone".
    /// </summary>
    private double Coverage(PassageIndex index, TermLookup lookup, Query query, int passage)
    {
        var document = index.DocumentOf(passage);
        var covered = 0.0;
        foreach (var clause in query.Clauses)
        {
            var best = 0.0;
            foreach (var term in clause.Terms)
            {
                var weight = clause.Importance * (term.Origin == QueryTermOrigin.Fuzzy ? _options.FuzzyWeight : 1);
                if (weight > best && PassageFields.Matched.Append(PassageFields.Examples).Any(field => lookup.Contains(document, field, term.Term)))
                {
                    best = weight;
                }
            }

            covered += best;
        }

        return covered;
    }

    /// <summary>A light tie-breaker: among equally good passages, the more trusted source ranks first.</summary>
    private static double Trust(PassageIndex index, string sourceId) =>
        0.9 + (0.1 * (index.Sources.TryGetValue(sourceId, out var source) ? source.TrustWeight : 0.8));

    /// <summary>The first pass's score plus the proximity query's constant bonus where it matches.</summary>
    private sealed class ProximityRescorer(Lucene.Net.Search.Query proximity) : QueryRescorer(proximity)
    {
        protected override float Combine(float firstPassScore, bool secondPassMatches, float secondPassScore) =>
            firstPassScore + (secondPassMatches ? secondPassScore : 0);
    }
}
