namespace Bot.Knowledge.Analysis;

/// <summary>Folds case (invariant culture), so "ALS" and "als" are one term.</summary>
public sealed class LowerCaseFilter : TokenFilter
{
    /// <inheritdoc />
    public override void Apply(List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        for (var i = 0; i < tokens.Count; i++)
        {
            var term = tokens[i].Term;
            if (HasUpper(term))
            {
                tokens[i] = tokens[i] with { Term = term.ToLowerInvariant() };
            }
        }
    }

    private static bool HasUpper(string term)
    {
        foreach (var c in term)
        {
            if (c >= 0x80 || char.IsAsciiLetterUpper(c))
            {
                return true;
            }
        }

        return false;
    }
}
