using Bot.Knowledge.Analysis;
using Bot.Knowledge.Index;

namespace Bot.Knowledge.Search;

/// <summary>
/// Turns a question into a <see cref="Query"/>: the analyzer's words become clauses, stacked synonyms join the
/// clauses of the words they stand for, and a word the index lacks gets the index's closest spelling (Lucene's
/// FuzzyQuery against the term dictionary, with a one-letter prefix: one edit for words of 4–6 letters, two from 7).
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
        var tokens = analyzer.Analyze(text).ToList();
        var words = tokens.Where(token => token.Kind == TokenKind.Word).ToList();
        var alternatives = words.Select(_ => new List<QueryTerm>()).ToList();
        var body = snapshot.Field(IndexField.Body);
        var count = Math.Max(1, snapshot.PassageCount);

        for (var i = 0; i < words.Count; i++)
        {
            var termId = snapshot.TermId(words[i].Term);
            alternatives[i].Add(new QueryTerm(words[i].Term, termId, 1, QueryTermOrigin.Word));
            if (termId < 0 && Correct(text[words[i].Start..words[i].End].ToLowerInvariant(), snapshot) is { } corrected)
            {
                foreach (var token in analyzer.Analyze(corrected).Where(token => token.Span == 1))
                {
                    var weight = token.Kind == TokenKind.Word ? options.FuzzyWeight : options.FuzzyWeight * options.SynonymWeight;
                    alternatives[i].Add(new QueryTerm(token.Term, snapshot.TermId(token.Term), weight, QueryTermOrigin.Fuzzy));
                }
            }
        }

        foreach (var synonym in tokens.Where(token => token.Kind == TokenKind.Synonym))
        {
            var first = words.FindIndex(word => word.Position == synonym.Position);
            for (var i = first; i >= 0 && i < Math.Min(words.Count, first + synonym.Span); i++)
            {
                if (alternatives[i].TrueForAll(term => term.Term != synonym.Term))
                {
                    alternatives[i].Add(new QueryTerm(synonym.Term, snapshot.TermId(synonym.Term), options.SynonymWeight, QueryTermOrigin.Synonym));
                }
            }
        }

        var clauses = new List<QueryClause>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var best = alternatives[i].Where(term => term.TermId >= 0).Select(term => body.Postings(term.TermId)?.DocumentFrequency ?? 0).DefaultIfEmpty(0).Max();
            var importance = Bm25Similarity.Idf(best, count);
            clauses.Add(new QueryClause(words[i].Position, text[words[i].Start..words[i].End].ToLowerInvariant(), importance, alternatives[i]));
        }

        return new Query(text, clauses);
    }

    /// <summary>The indexed word closest in spelling to <paramref name="surface"/>; ties go to the more common word.</summary>
    private static string? Correct(string surface, IndexSnapshot snapshot)
    {
        if (surface.Length < 4 || !surface.All(char.IsLetter))
        {
            return null;
        }

        var maxEdits = surface.Length < 7 ? 1 : 2;
        string? best = null;
        var bestDistance = maxEdits + 1;
        var bestFrequency = 0;
        foreach (var (word, term) in snapshot.Vocabulary)
        {
            if (word[0] != surface[0])
            {
                continue;
            }

            var distance = EditDistance.Compute(surface, word, maxEdits);
            if (distance > maxEdits)
            {
                continue;
            }

            var frequency = snapshot.Field(IndexField.Body).Postings(snapshot.TermId(term))?.DocumentFrequency ?? 0;
            if (distance < bestDistance || (distance == bestDistance && frequency > bestFrequency))
            {
                (best, bestDistance, bestFrequency) = (word, distance, frequency);
            }
        }

        return best;
    }
}
