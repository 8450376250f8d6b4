namespace Bot.Knowledge.Analysis;

/// <summary>
/// One stage of an analysis chain, in the manner of Lucene's TokenFilter: it rewrites the token buffer in place,
/// so a chain allocates nothing beyond the terms it changes.
/// </summary>
public abstract class TokenFilter
{
    /// <summary>Transforms <paramref name="tokens"/> in place.</summary>
    public abstract void Apply(List<Token> tokens);
}
