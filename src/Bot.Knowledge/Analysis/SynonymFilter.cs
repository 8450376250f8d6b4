namespace Bot.Knowledge.Analysis;

/// <summary>
/// Stacks synonym terms on the words they stand for (Lucene's SynonymGraphFilter, simplified to one layer):
/// every word passes through, and where a rule's phrase starts the rule's outputs follow it at the same position,
/// with <see cref="Token.Span"/> telling how many words they cover.
/// </summary>
public sealed class SynonymFilter(SynonymMap map) : TokenFilter
{
    /// <inheritdoc />
    public override IEnumerable<Token> Filter(IEnumerable<Token> input)
    {
        var tokens = input.ToList();
        var terms = tokens.ConvertAll(token => token.Term);
        for (var i = 0; i < tokens.Count; i++)
        {
            yield return tokens[i];
            if (map.LongestMatch(terms, i) is not { } rule)
            {
                continue;
            }

            var last = tokens[i + rule.Phrase.Length - 1];
            foreach (var output in rule.Outputs)
            {
                if (rule.Phrase.Length == 1 && output == tokens[i].Term)
                {
                    continue;
                }

                yield return new Token(output, tokens[i].Start, last.End, tokens[i].Position, TokenKind.Synonym, rule.Phrase.Length);
            }
        }
    }
}
