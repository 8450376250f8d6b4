namespace Bot.Knowledge.Retrieval;

/// <summary>A parsed question: its content-word clauses in question order.</summary>
/// <param name="Text">The question as asked.</param>
/// <param name="Clauses">One clause per content word.</param>
public sealed record Query(string Text, IReadOnlyList<QueryClause> Clauses)
{
    /// <summary>The summed importance of all clauses: the most a passage can cover.</summary>
    public double TotalImportance => Clauses.Sum(clause => clause.Importance);
}
