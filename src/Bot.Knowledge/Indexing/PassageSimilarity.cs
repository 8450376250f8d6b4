using Lucene.Net.Search.Similarities;

namespace Bot.Knowledge.Indexing;

/// <summary>Lucene's <see cref="BM25Similarity"/> with the configured k1 and b, and its idf exposed as a question word's importance.</summary>
public sealed class PassageSimilarity(double k1, double b) : BM25Similarity((float)k1, (float)b)
{
    private static readonly PassageSimilarity IdfOnly = new(1.2, 0.75);

    /// <summary>Lucene's BM25 idf of a term in <paramref name="documentFrequency"/> of <paramref name="documentCount"/> passages.</summary>
    public static double Importance(int documentFrequency, int documentCount) => IdfOnly.Idf(documentFrequency, Math.Max(1, documentCount));
}
