using Bot.Knowledge.Indexing;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Spans;
using LuceneQuery = Lucene.Net.Search.Query;

namespace Bot.Knowledge.Retrieval;

/// <summary>
/// Turns a question into a <see cref="Query"/> and that into Lucene queries. The analyzer's tokens become clauses
/// (a token stacked at the same position joins its word's clause); a word the index lacks gets the index's closest
/// spelling (a <see cref="FuzzyQuery"/> over the words as written, one edit for 4–6 letters, two from 7). Each clause
/// is a <see cref="DisjunctionMaxQuery"/> of its alternatives, each alternative a sum of boosted
/// <see cref="TermQuery"/>s over body, heading, context and title; neighbouring question words that stand close in a
/// passage earn a constant bonus through a <see cref="SpanNearQuery"/>.
/// </summary>
public sealed class QueryBuilder(SearchOptions options)
{
    /// <summary>The longest question analyzed; the rest is ignored.</summary>
    public const int MaxQuestionLength = 1_000;

    private const int MaxFuzzyExpansions = 50;

    /// <summary>
    /// Most unknown words given a spelling correction in one question: a real question has a few typos, and each
    /// FuzzyQuery rewrite costs up to a millisecond, so a message of random words must not cost most of a second.
    /// </summary>
    private const int MaxCorrections = 16;

    /// <summary>Parses <paramref name="question"/> against <paramref name="index"/>, looking terms up through <paramref name="lookup"/> (a new one when null).</summary>
    public Query Parse(string question, PassageIndex index, TermLookup? lookup = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(index);
        lookup ??= index.Lookup();
        var text = question.Length > MaxQuestionLength ? question[..MaxQuestionLength] : question;
        var tokens = Tokens(index, text);
        var words = new List<(int Position, int Start, string Surface, List<QueryTerm> Terms)>();
        foreach (var token in tokens.Where(token => !token.IsSynonym))
        {
            var position = (words.Count == 0 ? -1 : words[^1].Position) + Math.Max(1, token.Increment);
            words.Add((position, token.Start, text[token.Start..token.End].ToLowerInvariant(), [new QueryTerm(token.Term, 1, QueryTermOrigin.Word)]));
        }

        var corrections = 0;
        foreach (var (_, _, surface, terms) in words)
        {
            if (!IsIndexed(lookup, terms[0].Term) && ++corrections <= MaxCorrections && index.Correction(surface, word => Closest(index, lookup, word)) is { } corrected)
            {
                foreach (var correction in Tokens(index, corrected))
                {
                    AddOnce(terms, new QueryTerm(correction.Term, correction.IsSynonym ? options.FuzzyWeight * options.SynonymWeight : options.FuzzyWeight, QueryTermOrigin.Fuzzy));
                }
            }
        }

        // A group term joins the clause of every word its entry covers ("lou gehrig's disease": all three words).
        foreach (var synonym in tokens.Where(token => token.IsSynonym))
        {
            foreach (var word in words.Where(word => word.Start >= synonym.Start && word.Start < synonym.End))
            {
                AddOnce(word.Terms, new QueryTerm(synonym.Term, options.SynonymWeight, QueryTermOrigin.Synonym));
            }
        }

        var clauses = new List<QueryClause>(words.Count);
        foreach (var (position, _, surface, terms) in words)
        {
            var frequency = terms.Max(alternative => lookup.DocumentFrequency(PassageFields.Body, alternative.Term));
            clauses.Add(new QueryClause(position, surface, PassageSimilarity.Importance(frequency, index.PassageCount), terms));
        }

        return new Query(text, clauses);
    }

    /// <summary>
    /// The first-pass query: one clause per question word, any may match. Within an alternative, body, heading and
    /// context share one idf, from how many passages have the term in any of the three (<see cref="PassageFields.Any"/>),
    /// as if they were one field (Lucene 4.8 has no BM25F or BlendedTermQuery): a word in a heading says no more than
    /// in a body, though few passages have headings.
    /// <para>
    /// A word in more than <see cref="SearchOptions.CommonWordShare"/> of the passages ("muscle" in a corpus about
    /// muscles) is left out unless no indexed word of the question is rarer: its idf is under ln 2 ≈ 0.69 (4.6 for a
    /// word in 1 % of them), so it barely moves the ranking, while its postings are most of what a large index reads.
    /// At 100k passages this cut the first pass from a p50 of 13 ms and a p99 of 80 ms to 3.9 and 26 ms, with the same
    /// answers on every labelled set within one message (docs/performance.md). Coverage and the proximity bonus still
    /// read every word.
    /// </para>
    /// </summary>
    public LuceneQuery Match(Query query, PassageIndex index, TermLookup lookup)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(lookup);
        var reader = index.Searcher.TopReaderContext;
        var match = new BooleanQuery(disableCoord: true);
        var rarest = query.Clauses.SelectMany(clause => clause.Terms).Select(term => lookup.DocumentFrequency(PassageFields.Any, term.Term)).Where(frequency => frequency > 0).DefaultIfEmpty(0).Min();
        var common = Math.Max(options.CommonWordShare * index.PassageCount, rarest);
        foreach (var clause in query.Clauses)
        {
            var best = new DisjunctionMaxQuery(0);
            foreach (var alternative in clause.Terms)
            {
                var fields = new BooleanQuery(disableCoord: true);
                var frequency = lookup.DocumentFrequency(PassageFields.Any, alternative.Term);
                if (frequency > common)
                {
                    continue;
                }

                foreach (var field in PassageFields.Matched)
                {
                    Add(fields, field, alternative, Boost(field), WithDocumentFrequency(reader, lookup.Context(field, alternative.Term), frequency));
                }

                Add(fields, PassageFields.Title, alternative, options.TitleBoost, lookup.Context(PassageFields.Title, alternative.Term));
                Add(fields, PassageFields.Examples, alternative, options.ExamplesBoost, lookup.Context(PassageFields.Examples, alternative.Term));
                if (fields.Clauses.Count > 0)
                {
                    best.Add(fields);
                }
            }

            if (best.Disjuncts.Count > 0)
            {
                match.Add(best, Occur.SHOULD);
            }
        }

        return match;
    }

    /// <summary>
    /// The proximity query, or null when the question has no neighbouring words: for each pair of question words at
    /// most one word apart, in order within <see cref="SearchOptions.ProximityWindow"/> positions of the body, a share of
    /// the lesser word's importance.
    /// </summary>
    public LuceneQuery? Proximity(Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var proximity = new BooleanQuery(disableCoord: true);
        var clauses = query.Clauses;
        for (var i = 0; i + 1 < clauses.Count; i++)
        {
            if (clauses[i + 1].Position - clauses[i].Position > 2)
            {
                continue;
            }

            var near = new SpanNearQuery([Either(clauses[i]), Either(clauses[i + 1])], options.ProximityWindow - 1, inOrder: true);
            proximity.Add(new ConstantScoreQuery(near) { Boost = (float)(options.ProximityBoost * Math.Min(clauses[i].Importance, clauses[i + 1].Importance)) }, Occur.SHOULD);
        }

        return proximity.Clauses.Count == 0 ? null : proximity;
    }

    /// <summary>Any alternative of the clause, in the body.</summary>
    private static SpanOrQuery Either(QueryClause clause) =>
        new SpanOrQuery([.. clause.Terms.Select(alternative => new SpanTermQuery(new Term(PassageFields.Body, alternative.Term)))]);

    /// <summary>
    /// <paramref name="state"/> reporting <paramref name="frequency"/> as its document frequency: the per-segment term
    /// states (what the postings are read from) stay as they are; only the statistic BM25's idf reads changes.
    /// </summary>
    private static TermContext WithDocumentFrequency(IndexReaderContext reader, TermContext state, int frequency)
    {
        var blended = new TermContext(reader);
        var first = true;
        foreach (var leaf in reader.Leaves)
        {
            if (state.Get(leaf.Ord) is { } leafState)
            {
                blended.Register(leafState, leaf.Ord, first ? frequency : 0, first ? state.TotalTermFreq : 0);
                first = false;
            }
        }

        return blended;
    }

    /// <summary>Adds a term query for <paramref name="alternative"/> in <paramref name="field"/>, unless no passage has it there.</summary>
    private static void Add(BooleanQuery fields, string field, QueryTerm alternative, double boost, TermContext state)
    {
        if (boost > 0 && state.TotalTermFreq != 0)
        {
            fields.Add(new TermQuery(new Term(field, alternative.Term), state) { Boost = (float)(boost * alternative.Weight) }, Occur.SHOULD);
        }
    }

    private double Boost(string field) => field switch
    {
        PassageFields.Body => options.BodyBoost,
        PassageFields.Heading => options.HeadingBoost,
        _ => options.ContextBoost,
    };

    private static void AddOnce(List<QueryTerm> terms, QueryTerm term)
    {
        if (terms.TrueForAll(existing => existing.Term != term.Term))
        {
            terms.Add(term);
        }
    }

    private static bool IsIndexed(TermLookup lookup, string term) =>
        PassageFields.Matched.Append(PassageFields.Title).Any(field => lookup.DocumentFrequency(field, term) > 0);

    /// <summary>The tokens the analyzer makes of <paramref name="text"/> as the body: words, and synonym group terms stacked on them.</summary>
    private static List<(string Term, int Start, int End, int Increment, bool IsSynonym)> Tokens(PassageIndex index, string text)
    {
        var tokens = new List<(string, int, int, int, bool)>();
        using var stream = index.Analyzer.GetTokenStream(PassageFields.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset, increment.PositionIncrement, type.Type == SynonymFilter.TYPE_SYNONYM));
        }

        stream.End();
        return tokens;
    }

    /// <summary>
    /// The indexed word nearest in spelling to <paramref name="surface"/> (Lucene's <see cref="FuzzyQuery"/> with a
    /// one-letter prefix over the words as written, transpositions one edit): the highest-scoring expansion, ties to the
    /// more common word. One edit is tried first, two (from 7 letters) only when one finds nothing: the nearer word wins
    /// either way, and a two-edit automaton costs about a millisecond. Shorter words, and words with anything but
    /// letters, are not corrected.
    /// </summary>
    private static string? Closest(PassageIndex index, TermLookup lookup, string surface)
    {
        if (surface.Length < 4 || !surface.All(char.IsLetter))
        {
            return null;
        }

        for (var edits = 1; edits <= (surface.Length < 7 ? 1 : 2); edits++)
        {
            var fuzzy = new FuzzyQuery(new Term(PassageFields.Spelling, surface), edits, prefixLength: 1, MaxFuzzyExpansions, transpositions: true);
            var expansions = index.Searcher.Rewrite(fuzzy) switch
            {
                BooleanQuery boolean => boolean.Clauses.Select(clause => clause.Query).OfType<TermQuery>().ToList(),
                TermQuery single => [single],
                _ => [],
            };
            if (expansions.Count > 0)
            {
                return expansions
                    .OrderByDescending(expansion => expansion.Boost)
                    .ThenByDescending(expansion => lookup.DocumentFrequency(PassageFields.Spelling, expansion.Term.Text))
                    .ThenBy(expansion => expansion.Term.Text, StringComparer.Ordinal)
                    .Select(expansion => expansion.Term.Text)
                    .First();
            }
        }

        return null;
    }
}
