using Bot.Knowledge.Index;

namespace Bot.Knowledge.Search;

/// <summary>
/// What each term contributes to each passage, computed once per snapshot: the BM25 saturation of the term in the
/// body, heading and context fields, weighted by field boost and summed into one impact per passage (the fields
/// scored as one, as Lucene's CombinedFieldQuery does), so scoring a posting is one multiply by the query weight.
/// The largest impact of each block of postings bounds what the term adds to that block's passages, which lets
/// search skip passages that cannot reach the top. Source titles get impacts of their own, one per source.
/// </summary>
internal sealed class Bm25Impacts
{
    /// <summary>How many postings share one block maximum.</summary>
    public const int BlockSize = 64;

    private readonly TermImpacts?[] _passages;
    private readonly TermImpacts?[] _titles;

    public Bm25Impacts(IndexSnapshot snapshot, Bm25Similarity similarity, SearchOptions options)
    {
        var fields = Enum.GetValues<IndexField>().Select(snapshot.Field).ToArray();
        double[] boosts = [options.BodyBoost, options.HeadingBoost, options.ContextBoost];
        var norms = fields.Select(field => Norms(field, similarity)).ToArray();
        var termCount = fields.Max(field => field.TermCount);
        _passages = new TermImpacts?[termCount];
        var impacts = new double[snapshot.PassageCount];
        var touched = new List<int>();
        for (var termId = 0; termId < termCount; termId++)
        {
            touched.Clear();
            for (var f = 0; f < fields.Length; f++)
            {
                if (fields[f].Postings(termId) is not { } postings)
                {
                    continue;
                }

                for (var i = 0; i < postings.DocumentFrequency; i++)
                {
                    var passage = postings.Documents[i];
                    if (impacts[passage] == 0)
                    {
                        touched.Add(passage);
                    }

                    impacts[passage] += boosts[f] * similarity.Saturation(postings.Frequencies[i], norms[f][passage]);
                }
            }

            _passages[termId] = Collect(touched, impacts);
        }

        var titleNorms = Norms(snapshot.Titles, similarity);
        _titles = new TermImpacts?[snapshot.Titles.TermCount];
        for (var termId = 0; termId < _titles.Length; termId++)
        {
            if (snapshot.Titles.Postings(termId) is { } postings)
            {
                _titles[termId] = new TermImpacts(
                    postings.Documents,
                    [.. postings.Documents.Select((source, i) => (float)(options.TitleBoost * similarity.Saturation(postings.Frequencies[i], titleNorms[source])))]);
            }
        }
    }

    /// <summary>The impacts of <paramref name="termId"/> on passages, or null when no passage has it.</summary>
    public TermImpacts? Passages(int termId) => termId >= 0 && termId < _passages.Length ? _passages[termId] : null;

    /// <summary>The impacts of <paramref name="termId"/> on source titles, by source ordinal, or null when no title has it.</summary>
    public TermImpacts? Titles(int termId) => termId >= 0 && termId < _titles.Length ? _titles[termId] : null;

    private static double[] Norms(FieldIndex field, Bm25Similarity similarity) =>
        Array.ConvertAll(field.Lengths, length => similarity.LengthNorm(length, field.AverageLength));

    private static TermImpacts? Collect(List<int> touched, double[] impacts)
    {
        if (touched.Count == 0)
        {
            return null;
        }

        touched.Sort();
        var values = new float[touched.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)impacts[touched[i]];
            impacts[touched[i]] = 0;
        }

        return new TermImpacts([.. touched], values);
    }
}
