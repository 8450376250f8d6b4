using Bot.Knowledge.Index;

namespace Bot.Knowledge.Search;

/// <summary>
/// The search seam: everything above it (highlighting, answers, channels) sees only questions in and ranked
/// passages out, so another engine (Lucene.Net, where the registry has it) can stand behind it.
/// </summary>
public interface IPassageSearcher
{
    /// <summary>The snapshot searches currently read.</summary>
    IndexSnapshot Snapshot { get; }

    /// <summary>Ranks passages for <paramref name="question"/>, at most <paramref name="maxHits"/> near-duplicate groups.</summary>
    SearchResult Search(string question, int maxHits);
}
