namespace Bot.Knowledge.Index;

/// <summary>The passages one term occurs in, ascending, with its frequency and word positions in each.</summary>
/// <param name="Passages">Passage ids, ascending.</param>
/// <param name="Frequencies">How often the term occurs in each passage's field.</param>
/// <param name="Positions">The term's word positions in each passage's field.</param>
public sealed record PostingList(int[] Passages, int[] Frequencies, int[][] Positions)
{
    /// <summary>Document frequency: how many passages contain the term.</summary>
    public int DocumentFrequency => Passages.Length;
}
