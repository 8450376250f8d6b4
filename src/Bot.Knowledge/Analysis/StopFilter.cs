namespace Bot.Knowledge.Analysis;

/// <summary>Drops stop words; the positions of the remaining words keep their gaps, as in Lucene.</summary>
public sealed class StopFilter(IReadOnlySet<string> stopWords) : TokenFilter
{
    /// <inheritdoc />
    public override IEnumerable<Token> Filter(IEnumerable<Token> input) =>
        input.Where(token => !stopWords.Contains(token.Term));
}
