namespace Bot.Knowledge.Analysis;

/// <summary>Drops stop words; the positions of the remaining words keep their gaps, as in Lucene.</summary>
public sealed class StopFilter(IReadOnlySet<string> stopWords) : TokenFilter
{
    /// <inheritdoc />
    public override void Apply(List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        tokens.RemoveAll(token => stopWords.Contains(token.Term));
    }
}
