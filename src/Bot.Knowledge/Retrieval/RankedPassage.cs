using Bot.Knowledge.Corpus;

namespace Bot.Knowledge.Retrieval;

/// <summary>A candidate passage with everything the ranking knows of it.</summary>
/// <param name="Passage">The passage (the original of its near-duplicate group).</param>
/// <param name="Lexical">Its lexical score as a share of the question's best (0 when lexical search did not find it).</param>
/// <param name="Coverage">The share of the question's importance it matches lexically.</param>
/// <param name="PassageCosine">The question's cosine with the passage.</param>
/// <param name="SentenceCosine">The question's cosine with the passage's closest sentence.</param>
/// <param name="SentenceIndex">Which sentence that is.</param>
/// <param name="QuestionCosine">The question's cosine with the closest example question the passage answers.</param>
/// <param name="Score">The weighted sum the ranking sorts by.</param>
public sealed record RankedPassage(Passage Passage, double Lexical, double Coverage, double PassageCosine, double SentenceCosine, int SentenceIndex, double QuestionCosine, double Score);
