namespace Bot.Knowledge.Retrieval;

/// <summary>
/// The search seam: everything above it (highlighting, answers, channels) sees only questions in and ranked
/// passages out, so other retrieval (dense vectors fused with these lexical scores) can stand behind it.
/// </summary>
public interface IPassageSearcher
{
    /// <summary>
    /// Ranks passages for <paramref name="question"/>: at most <paramref name="maxHits"/> near-duplicate groups, best
    /// first, each with its lexical score. Ask for more hits than an answer cites (20–50) to get a candidate list to fuse
    /// or re-rank.
    /// </summary>
    SearchResult Search(string question, int maxHits);
}
