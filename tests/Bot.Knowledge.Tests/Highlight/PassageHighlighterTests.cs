using Bot.Knowledge.Corpus;
using Bot.Knowledge.Highlight;
using Bot.Knowledge.Indexing;
using Bot.Knowledge.Retrieval;

namespace Bot.Knowledge.Tests.Highlight;

public sealed class PassageHighlighterTests
{
    private static readonly PassageAnalyzer Analyzer = TestIndex.Analyzer("what is the of are include");

    private static Snippet Highlight(string text, string question, PassageHighlighter? sut = null)
    {
        var passage = new Passage(0, "s", null, 100, 100 + text.Length, text);
        using var index = TestIndex.Of(Analyzer, [passage]);
        var query = new QueryBuilder(new SearchOptions()).Parse(question, index);
        return (sut ?? new PassageHighlighter(minCharacters: 0)).Highlight(index, passage, query);
    }

    [Fact]
    public void Highlight_QuestionAboutOneSentence_PicksThatSentenceVerbatim()
    {
        const string text = "Cats purr. Sarcopenia affects up to a third of people ages 60 and above. Dogs bark loudly.";

        var snippet = Highlight(text, "who gets sarcopenia");

        Assert.Equal("Sarcopenia affects up to a third of people ages 60 and above.", snippet.Text);
        Assert.Equal(100 + text.IndexOf("Sarcopenia", StringComparison.Ordinal), snippet.Start);
        Assert.Equal(snippet.Start + snippet.Text.Length, snippet.End);
    }

    [Fact]
    public void Highlight_WordsSpreadOverSentences_TakesTheWindowCoveringThem()
    {
        const string text = "Cats purr. Cachexia causes weight loss. It can come with cancer. Dogs bark.";

        Assert.Equal("Cachexia causes weight loss. It can come with cancer.", Highlight(text, "cachexia cancer").Text);
    }

    [Fact]
    public void Highlight_ListLeadIn_TakesTheListItems()
    {
        const string text = "Symptoms include:\n\n  • poor balance\n  • lower endurance";

        Assert.Equal(text, Highlight(text, "symptoms").Text);
    }

    [Fact]
    public void Highlight_ShortBestSentence_TakesNextSentenceForContext()
    {
        const string text = "Ultrasound therapy is new. It directs beams of sound waves at muscles. Unrelated closing remark here.";

        var snippet = Highlight(text, "ultrasound therapy", new PassageHighlighter(minCharacters: 40));

        Assert.Equal("Ultrasound therapy is new. It directs beams of sound waves at muscles.", snippet.Text);
    }
}
