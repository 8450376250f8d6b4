namespace Bot.Knowledge.Retrieval;

/// <summary>One way a question word can be matched: an indexed term, how much a match counts, and why it was added.</summary>
/// <param name="Term">The indexed term (a stemmed word, or a synonym line's group term).</param>
/// <param name="Weight">1 for the word itself; less for a synonym or a typo correction.</param>
/// <param name="Origin">How the term came to be part of the query.</param>
public sealed record QueryTerm(string Term, double Weight, QueryTermOrigin Origin);
