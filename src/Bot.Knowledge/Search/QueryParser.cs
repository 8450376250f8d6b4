using Bot.Knowledge.Analysis;
using Bot.Knowledge.Index;

namespace Bot.Knowledge.Search;

/// <summary>
/// Turns a question into a <see cref="Query"/>: the analyzer's words become clauses, stacked synonyms join the
/// clauses of the words they stand for, and a word the index lacks gets the index's closest spelling (Lucene's
/// FuzzyQuery against the term dictionary; see <see cref="SpellingIndex"/>).
/// </summary>
public sealed class QueryParser(Analyzer analyzer, SearchOptions options)
{
    /// <summary>The longest question analyzed; the rest is ignored.</summary>
    public const int MaxQuestionLength = 1_000;

    /// <summary>Parses <paramref name="question"/> against <paramref name="snapshot"/>.</summary>
    public Query Parse(string question, IndexSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(snapshot);
        var text = question.Length > MaxQuestionLength ? question[..MaxQuestionLength] : question;
        var tokens = analyzer.Analyze(text);
        var words = tokens.FindAll(token => token.Kind == TokenKind.Word);
        var alternatives = words.ConvertAll(word => new List<QueryTerm> { new(word.Term, snapshot.TermId(word.Term), 1, QueryTermOrigin.Word) });
        for (var i = 0; i < words.Count; i++)
        {
            if (alternatives[i][0].TermId < 0 && snapshot.Spelling.Closest(Surface(text, words[i])) is { } corrected)
            {
                foreach (var token in analyzer.Analyze(corrected))
                {
                    if (token.Span == 1)
                    {
                        var weight = token.Kind == TokenKind.Word ? options.FuzzyWeight : options.FuzzyWeight * options.SynonymWeight;
                        alternatives[i].Add(new QueryTerm(token.Term, snapshot.TermId(token.Term), weight, QueryTermOrigin.Fuzzy));
                    }
                }
            }
        }

        foreach (var synonym in tokens)
        {
            if (synonym.Kind != TokenKind.Synonym)
            {
                continue;
            }

            var first = words.FindIndex(word => word.Position == synonym.Position);
            for (var i = first; i >= 0 && i < Math.Min(words.Count, first + synonym.Span); i++)
            {
                if (alternatives[i].TrueForAll(term => term.Term != synonym.Term))
                {
                    alternatives[i].Add(new QueryTerm(synonym.Term, snapshot.TermId(synonym.Term), options.SynonymWeight, QueryTermOrigin.Synonym));
                }
            }
        }

        var body = snapshot.Field(IndexField.Body);
        var count = Math.Max(1, snapshot.PassageCount);
        var clauses = new List<QueryClause>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var frequency = 0;
            foreach (var term in alternatives[i])
            {
                frequency = Math.Max(frequency, body.Postings(term.TermId)?.DocumentFrequency ?? 0);
            }

            clauses.Add(new QueryClause(words[i].Position, Surface(text, words[i]), Bm25Similarity.Idf(frequency, count), alternatives[i]));
        }

        return new Query(text, clauses);
    }

    private static string Surface(string text, Token word) => text[word.Start..word.End].ToLowerInvariant();
}
