namespace Bot.Knowledge.Analysis;

/// <summary>Turns text into index terms: a tokenizer followed by a chain of filters (Lucene's Analyzer).</summary>
public abstract class Analyzer
{
    /// <summary>Analyzes <paramref name="text"/> into tokens whose offsets point into it.</summary>
    public abstract IEnumerable<Token> Analyze(string text);
}
