namespace Bot.Knowledge.Analysis;

/// <summary>
/// The chain used for both passages and questions: <see cref="StandardTokenizer"/>, <see cref="LowerCaseFilter"/>,
/// <see cref="EnglishPossessiveFilter"/>, <see cref="StopFilter"/>, <see cref="EnglishStemFilter"/>, <see cref="SynonymFilter"/>.
/// </summary>
public sealed class EnglishAnalyzer : Analyzer
{
    private readonly TokenFilter[] _filters;

    /// <summary>Creates the chain with the given stop words and synonyms (synonym entries are analyzed by the rest of the chain).</summary>
    public EnglishAnalyzer(IReadOnlySet<string> stopWords, string synonymsText = "")
    {
        StopWords = stopWords;
        _filters = [new LowerCaseFilter(), new EnglishPossessiveFilter(), new StopFilter(stopWords), new EnglishStemFilter()];
        var synonyms = SynonymMap.Parse(synonymsText, entry => Analyze(entry).ConvertAll(token => token.Term).ToArray());
        _filters = [.. _filters, new SynonymFilter(synonyms)];
    }

    /// <summary>The stop words this analyzer drops.</summary>
    public IReadOnlySet<string> StopWords { get; }

    /// <inheritdoc />
    public override void Analyze(string text, List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        tokens.Clear();
        StandardTokenizer.Tokenize(text, tokens);
        foreach (var filter in _filters)
        {
            filter.Apply(tokens);
        }
    }

    /// <summary>Parses a stop-word list: one word a line, <c>#</c> starts a comment.</summary>
    public static HashSet<string> ParseWordList(string text) =>
        text.Split('\n')
            .Select(line => line.Split('#')[0].Trim().ToLowerInvariant())
            .Where(word => word.Length > 0)
            .ToHashSet(StringComparer.Ordinal);
}
