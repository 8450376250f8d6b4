namespace Bot.Knowledge.Analysis;

/// <summary>Removes the English possessive "'s" ("Gehrig's" becomes "gehrig"), as Lucene's filter of that name.</summary>
public sealed class EnglishPossessiveFilter : TokenFilter
{
    /// <inheritdoc />
    public override IEnumerable<Token> Filter(IEnumerable<Token> input) =>
        input.Select(token => token.Term.EndsWith("'s", StringComparison.Ordinal) && token.Term.Length > 2
            ? token with { Term = token.Term[..^2] }
            : token);
}
