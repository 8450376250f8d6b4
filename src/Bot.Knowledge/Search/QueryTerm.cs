namespace Bot.Knowledge.Search;

/// <summary>One way a question word can be matched: a term, how much a match counts, and why it was added.</summary>
/// <param name="Term">The indexed term.</param>
/// <param name="TermId">Its id in the snapshot, or -1 when no passage has it.</param>
/// <param name="Weight">1 for the word itself; less for a synonym or a typo correction.</param>
/// <param name="Origin">How the term came to be part of the query.</param>
public sealed record QueryTerm(string Term, int TermId, double Weight, QueryTermOrigin Origin);
