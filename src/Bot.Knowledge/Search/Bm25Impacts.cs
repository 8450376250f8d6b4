using Bot.Knowledge.Index;

namespace Bot.Knowledge.Search;

/// <summary>
/// The BM25 saturation of every posting of a snapshot, computed once per snapshot (Lucene keeps such impacts with
/// its postings): scoring a posting becomes one multiply, and each posting list's largest value bounds what the
/// term can add to any passage, which lets search skip passages that cannot reach the top.
/// </summary>
internal sealed class Bm25Impacts
{
    private readonly float[]?[][] _saturations;
    private readonly float[][] _maxima;

    public Bm25Impacts(IndexSnapshot snapshot, Bm25Similarity similarity)
    {
        FieldIndex[] fields = [.. Enum.GetValues<IndexField>().Select(snapshot.Field), snapshot.Titles];
        _saturations = new float[]?[fields.Length][];
        _maxima = new float[fields.Length][];
        for (var f = 0; f < fields.Length; f++)
        {
            var field = fields[f];
            var norms = Array.ConvertAll(field.Lengths, length => similarity.LengthNorm(length, field.AverageLength));
            _saturations[f] = new float[]?[field.TermCount];
            _maxima[f] = new float[field.TermCount];
            for (var termId = 0; termId < field.TermCount; termId++)
            {
                if (field.Postings(termId) is not { } postings)
                {
                    continue;
                }

                var saturations = new float[postings.DocumentFrequency];
                for (var i = 0; i < saturations.Length; i++)
                {
                    saturations[i] = (float)similarity.Saturation(postings.Frequencies[i], norms[postings.Documents[i]]);
                    _maxima[f][termId] = Math.Max(_maxima[f][termId], saturations[i]);
                }

                _saturations[f][termId] = saturations;
            }
        }
    }

    /// <summary>The snapshot's title index, by the slot it has here.</summary>
    public static int TitleSlot => Enum.GetValues<IndexField>().Length;

    /// <summary>The saturation of each posting of <paramref name="termId"/> in field slot <paramref name="slot"/>.</summary>
    public float[]? Saturations(int slot, int termId) => termId >= 0 && termId < _saturations[slot].Length ? _saturations[slot][termId] : null;

    /// <summary>The largest of <see cref="Saturations"/>.</summary>
    public float Maximum(int slot, int termId) => termId >= 0 && termId < _maxima[slot].Length ? _maxima[slot][termId] : 0;
}
