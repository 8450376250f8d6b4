using Bot.Knowledge.Corpus;

namespace Bot.Knowledge.Search;

/// <summary>One ranked result: the passage to cite (the original of its near-duplicate group) and how well it matched.</summary>
/// <param name="Passage">The passage to cite.</param>
/// <param name="Score">The BM25 score (with synonym, typo and proximity adjustments) of the group's best passage.</param>
/// <param name="Coverage">The share of the question's importance that the best passage matched, 0 to 1.</param>
public sealed record SearchHit(Passage Passage, double Score, double Coverage);
