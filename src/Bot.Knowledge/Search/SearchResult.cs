namespace Bot.Knowledge.Search;

/// <summary>The parsed question and its hits, best first, one per near-duplicate group.</summary>
public sealed record SearchResult(Query Query, IReadOnlyList<SearchHit> Hits);
