namespace Bot.Knowledge.Search;

/// <summary>One term's impact on each document it occurs in, documents ascending, with block maxima.</summary>
internal sealed class TermImpacts
{
    public TermImpacts(int[] documents, float[] impacts)
    {
        Documents = documents;
        Impacts = impacts;
        BlockMaxima = new float[((documents.Length - 1) / Bm25Impacts.BlockSize) + 1];
        for (var i = 0; i < impacts.Length; i++)
        {
            BlockMaxima[i / Bm25Impacts.BlockSize] = Math.Max(BlockMaxima[i / Bm25Impacts.BlockSize], impacts[i]);
        }
    }

    /// <summary>Document ids, ascending.</summary>
    public int[] Documents { get; }

    /// <summary>The impact on each document.</summary>
    public float[] Impacts { get; }

    /// <summary>The largest impact of each block of <see cref="Bm25Impacts.BlockSize"/> postings.</summary>
    public float[] BlockMaxima { get; }

    /// <summary>How many documents the term occurs in.</summary>
    public int DocumentFrequency => Documents.Length;
}
