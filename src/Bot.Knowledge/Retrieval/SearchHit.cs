using Bot.Knowledge.Corpus;

namespace Bot.Knowledge.Retrieval;

/// <summary>One ranked result: the passage to cite (the original of its near-duplicate group) and how well it matched.</summary>
/// <param name="Passage">The passage to cite.</param>
/// <param name="Score">The lexical score (Lucene BM25 over the fields, with typo and proximity terms, times source trust) of the group's best passage.</param>
/// <param name="Coverage">The share of the question's importance that the best passage matched, 0 to 1.</param>
public sealed record SearchHit(Passage Passage, double Score, double Coverage);
