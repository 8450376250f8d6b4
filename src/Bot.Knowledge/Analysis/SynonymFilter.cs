namespace Bot.Knowledge.Analysis;

/// <summary>
/// Stacks synonym terms on the words they stand for (Lucene's SynonymGraphFilter, simplified to one layer):
/// every word passes through, and where a rule's phrase starts the rule's outputs follow it at the same position,
/// with <see cref="Token.Span"/> telling how many words they cover.
/// </summary>
public sealed class SynonymFilter(SynonymMap map) : TokenFilter
{
    /// <inheritdoc />
    public override void Apply(List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var words = tokens.Count;
        List<Token>? stacked = null;
        for (var i = 0; i < words; i++)
        {
            if (map.LongestMatch(tokens, i, words) is not { } rule)
            {
                continue;
            }

            var first = tokens[i];
            var last = tokens[i + rule.Phrase.Length - 1];
            foreach (var output in rule.Outputs)
            {
                if (rule.Phrase.Length == 1 && output == first.Term)
                {
                    continue;
                }

                stacked ??= [];
                stacked.Add(new Token(output, first.Start, last.End, first.Position, TokenKind.Synonym, rule.Phrase.Length));
            }
        }

        if (stacked is null)
        {
            return;
        }

        // Each synonym follows the word it starts at: merge by position, words before the synonyms they carry.
        var merged = new List<Token>(words + stacked.Count);
        var s = 0;
        for (var i = 0; i < words; i++)
        {
            merged.Add(tokens[i]);
            while (s < stacked.Count && stacked[s].Position == tokens[i].Position)
            {
                merged.Add(stacked[s++]);
            }
        }

        tokens.Clear();
        tokens.AddRange(merged);
    }
}
