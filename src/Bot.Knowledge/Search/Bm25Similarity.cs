namespace Bot.Knowledge.Search;

/// <summary>
/// Okapi BM25 (Robertson and Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond", 2009):
/// <c>score = idf · tf·(k1 + 1) / (tf + k1·(1 − b + b·len/avgLen))</c> with
/// <c>idf = ln(1 + (N − df + 0.5) / (df + 0.5))</c>, the non-negative idf Lucene uses.
/// </summary>
/// <param name="K1">Term-frequency saturation; 1.2 by default.</param>
/// <param name="B">Length normalisation, 0 (none) to 1 (full); 0.75 by default.</param>
public sealed record Bm25Similarity(double K1 = 1.2, double B = 0.75)
{
    /// <summary>Inverse document frequency of a term in <paramref name="documentFrequency"/> of <paramref name="documentCount"/> passages.</summary>
    public static double Idf(int documentFrequency, int documentCount) =>
        Math.Log(1 + ((documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5)));

    /// <summary>The BM25 score of one term in one field of one passage.</summary>
    public double Score(double idf, int termFrequency, int fieldLength, double averageFieldLength) =>
        idf * Saturation(termFrequency, LengthNorm(fieldLength, averageFieldLength));

    /// <summary>The length part of the denominator, <c>k1·(1 − b + b·len/avgLen)</c>: one value per field of a passage.</summary>
    public double LengthNorm(int fieldLength, double averageFieldLength) =>
        K1 * (1 - B + (B * (averageFieldLength > 0 ? fieldLength / averageFieldLength : 1)));

    /// <summary>The term-frequency part, <c>tf·(k1 + 1) / (tf + lengthNorm)</c>: what idf multiplies.</summary>
    public double Saturation(int termFrequency, double lengthNorm) =>
        termFrequency <= 0 ? 0 : termFrequency * (K1 + 1) / (termFrequency + lengthNorm);
}
