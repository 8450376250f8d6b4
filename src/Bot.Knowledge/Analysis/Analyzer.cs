namespace Bot.Knowledge.Analysis;

/// <summary>Turns text into index terms: a tokenizer followed by a chain of filters (Lucene's Analyzer).</summary>
public abstract class Analyzer
{
    /// <summary>Analyzes <paramref name="text"/> into tokens whose offsets point into it.</summary>
    public List<Token> Analyze(string text)
    {
        var tokens = new List<Token>();
        Analyze(text, tokens);
        return tokens;
    }

    /// <summary>Replaces the contents of <paramref name="tokens"/> with the analysis of <paramref name="text"/>.</summary>
    public abstract void Analyze(string text, List<Token> tokens);
}
