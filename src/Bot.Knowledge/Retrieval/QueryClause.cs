namespace Bot.Knowledge.Retrieval;

/// <summary>
/// One content word of the question and the terms that can match it (a Lucene DisjunctionMaxQuery over them): a
/// passage scores the best of them, so alternatives never count twice.
/// </summary>
/// <param name="Position">The word's position in the question.</param>
/// <param name="Surface">The word (or multi-word synonym) as the user typed it, lower-cased.</param>
/// <param name="Importance">The word's idf: how much matching it says about a passage (highest for unknown words).</param>
/// <param name="Terms">The alternatives, the word itself first.</param>
public sealed record QueryClause(int Position, string Surface, double Importance, IReadOnlyList<QueryTerm> Terms);
