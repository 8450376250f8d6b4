using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Bot.Knowledge.Indexing;

/// <summary>
/// Closes the position gaps a StopFilter leaves, for reading synonym entries only: Lucene's synonym parser refuses an
/// entry whose tokens are not contiguous ("loss of muscle", "at risk"), while SynonymFilter matches the text's tokens
/// in order whatever their gaps. Lucene 4.8 has no filter for this since StopFilter lost its position-increment switch
/// in 4.4, hence this one.
/// </summary>
internal sealed class ContiguousPositionsFilter : TokenFilter
{
    private readonly IPositionIncrementAttribute _increment;

    public ContiguousPositionsFilter(TokenStream input)
        : base(input)
    {
        _increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        _increment.PositionIncrement = 1;
        return true;
    }
}
