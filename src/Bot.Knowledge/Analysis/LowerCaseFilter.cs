namespace Bot.Knowledge.Analysis;

/// <summary>Folds case (invariant culture), so "ALS" and "als" are one term.</summary>
public sealed class LowerCaseFilter : TokenFilter
{
    /// <inheritdoc />
    public override IEnumerable<Token> Filter(IEnumerable<Token> input) =>
        input.Select(token => token with { Term = token.Term.ToLowerInvariant() });
}
