using Lucene.Net.Search.Similarities;

namespace Bot.Knowledge.Indexing;

/// <summary>
/// Lucene's <see cref="BM25Similarity"/> with the configured k1 and b, with exact field lengths: Lucene 4.8 keeps a
/// length in one byte as a lossy float (a 40-word passage reads as 41, a 105-word one as 114), which on passages of a
/// few dozen words moves rankings; here a byte holds the length itself up to 239 words and a coarse scale above.
/// Index-time boosts are not used, so the byte carries nothing else. Its idf is exposed as a question word's importance.
/// </summary>
public sealed class PassageSimilarity(double k1, double b) : BM25Similarity((float)k1, (float)b)
{
    private const int ExactLengths = 240;
    private static readonly PassageSimilarity IdfOnly = new(1.2, 0.75);

    /// <summary>Lucene's BM25 idf of a term in <paramref name="documentFrequency"/> of <paramref name="documentCount"/> passages.</summary>
    public static double Importance(int documentFrequency, int documentCount) => IdfOnly.Idf(documentFrequency, Math.Max(1, documentCount));

    /// <inheritdoc />
    protected override byte EncodeNormValue(float boost, int fieldLength) =>
        fieldLength < ExactLengths ? (byte)Math.Max(0, fieldLength) : (byte)Math.Min(255, ExactLengths + (int)Math.Round(4 * Math.Log2(fieldLength / (double)ExactLengths)));

    /// <inheritdoc />
    protected override float DecodeNormValue(byte b) =>
        b < ExactLengths ? b : (float)(ExactLengths * Math.Pow(2, (b - ExactLengths) / 4.0));
}
