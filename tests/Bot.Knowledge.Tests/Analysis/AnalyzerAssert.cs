using Bot.Knowledge.Analysis;

namespace Bot.Knowledge.Tests.Analysis;

/// <summary>Lucene's AssertAnalyzesTo: the analyzer yields exactly these terms, in order.</summary>
internal static class AnalyzerAssert
{
    public static void AnalyzesTo(Analyzer analyzer, string text, params string[] expected) =>
        Assert.Equal(expected, analyzer.Analyze(text).Select(token => token.Term).ToArray());
}
