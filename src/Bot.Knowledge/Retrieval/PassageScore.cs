namespace Bot.Knowledge.Retrieval;

/// <summary>What <see cref="HybridRanker"/> computed for one passage, before it becomes a <see cref="RankedPassage"/>.</summary>
internal readonly record struct PassageScore(double Lexical, double Coverage, float PassageCosine, float SentenceCosine, int SentenceIndex, float QuestionCosine, double Score);
