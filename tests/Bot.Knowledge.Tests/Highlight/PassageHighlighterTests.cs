using Bot.Knowledge.Analysis;
using Bot.Knowledge.Corpus;
using Bot.Knowledge.Highlight;
using Bot.Knowledge.Index;
using Bot.Knowledge.Search;

namespace Bot.Knowledge.Tests.Highlight;

public sealed class PassageHighlighterTests
{
    private static readonly EnglishAnalyzer Analyzer = new(new HashSet<string> { "what", "is", "the", "of", "are", "include" });

    private static Snippet Highlight(string text, string question, PassageHighlighter? sut = null)
    {
        var sources = new Dictionary<string, SourceMetadata> { ["s"] = new() { Id = "s", File = "s.txt" } };
        var passage = new Passage(0, "s", null, 100, 100 + text.Length, text);
        var snapshot = new IndexBuilder(Analyzer).Build([passage], sources);
        var query = new QueryParser(Analyzer, new SearchOptions()).Parse(question, snapshot);
        return (sut ?? new PassageHighlighter(minCharacters: 0)).Highlight(snapshot, passage, query);
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
