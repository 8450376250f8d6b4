namespace Bot.Knowledge.Analysis;

/// <summary>One stage of an analysis chain, in the manner of Lucene's TokenFilter: tokens in, tokens out.</summary>
public abstract class TokenFilter
{
    /// <summary>Transforms a stream of tokens lazily.</summary>
    public abstract IEnumerable<Token> Filter(IEnumerable<Token> input);
}
