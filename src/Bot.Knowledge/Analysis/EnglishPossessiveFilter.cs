namespace Bot.Knowledge.Analysis;

/// <summary>Removes the English possessive "'s" ("Gehrig's" becomes "gehrig"), as Lucene's filter of that name.</summary>
public sealed class EnglishPossessiveFilter : TokenFilter
{
    /// <inheritdoc />
    public override void Apply(List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        for (var i = 0; i < tokens.Count; i++)
        {
            var term = tokens[i].Term;
            if (term.Length > 2 && term.EndsWith("'s", StringComparison.Ordinal))
            {
                tokens[i] = tokens[i] with { Term = term[..^2] };
            }
        }
    }
}
