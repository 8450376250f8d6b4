using Bot.Knowledge.Corpus;
using Bot.Knowledge.Highlight;

namespace Bot.Knowledge.Tests.Highlight;

/// <summary>How a chosen sentence grows into the snippet a reader needs.</summary>
public sealed class SentenceWindowTests
{
    private static readonly SentenceWindow Sut = new(maxSentences: 2);

    [Fact]
    public void Grow_ShortSentenceWithOneAfterIt_TakesTheNext()
    {
        var (passage, sentences) = Passage("FES is a treatment. It uses electrodes. They move the limb.");

        Assert.Equal("FES is a treatment. It uses electrodes.", Sut.Grow(passage, sentences, 0, 0, 1).Text);
    }

    [Fact]
    public void Grow_ShortLastSentence_TakesTheOneBefore()
    {
        var (passage, sentences) = Passage("FES is a treatment. During FES, a technician attaches electrodes to a limb. The electrodes move the limb.");

        var snippet = Sut.Grow(passage, sentences, 2, 2, 1);

        Assert.Equal("During FES, a technician attaches electrodes to a limb. The electrodes move the limb.", snippet.Text);
        Assert.Equal(snippet.Text, passage.Text[(snippet.Start - passage.Start)..(snippet.End - passage.Start)]);
    }

    [Fact]
    public void Grow_ShortLastListItem_StaysAlone()
    {
        var (passage, sentences) = Passage("Diseases that cause it include:\n\n  • polio, which attacks the nerves\n  • arthritis");

        Assert.Equal("• arthritis", Sut.Grow(passage, sentences, sentences.Count - 1, sentences.Count - 1, 1).Text);
    }

    private static (Passage Passage, IReadOnlyList<(int Start, int End)> Sentences) Passage(string text)
    {
        var passage = new Passage(0, "s", null, 100, 100 + text.Length, text);
        return (passage, SentenceSplitter.Split(text));
    }
}
