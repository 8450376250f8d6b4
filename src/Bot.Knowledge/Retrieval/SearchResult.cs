using Bot.Knowledge.Indexing;

namespace Bot.Knowledge.Retrieval;

/// <summary>The parsed question and its hits, best first, one per near-duplicate group, with the index snapshot they come from.</summary>
public sealed record SearchResult(PassageIndex Index, Query Query, IReadOnlyList<SearchHit> Hits);
