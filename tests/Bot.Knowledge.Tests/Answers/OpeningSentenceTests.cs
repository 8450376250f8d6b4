using Bot.Knowledge.Answers;
using Bot.Knowledge.Corpus;

namespace Bot.Knowledge.Tests.Answers;

public sealed class OpeningSentenceTests
{
    private const string Text = "Treatments depend on the cause. Exercise helps most people. Some need plasmapheresis, in which plasma is cleansed.";

    private static readonly IReadOnlyList<(int Start, int End)> Sentences = SentenceSplitter.Split(Text);

    [Fact]
    public void Choose_RareWordOnlyAnotherSentenceNames_OpensThere()
    {
        Assert.Equal(2, OpeningSentence.Choose("whats that plasma one", Text, Sentences, 0, Occurrences));
    }

    [Theory]
    [InlineData("what treatments help", 1)]
    [InlineData("does exercise help with plasma loss", 1)]
    [InlineData("whats that cleansing one", 0)]
    public void Choose_NoRareWordOrTheClosestNamesIt_KeepsTheClosest(string question, int closest)
    {
        Assert.Equal(closest, OpeningSentence.Choose(question, Text, Sentences, closest, Occurrences));
    }

    [Fact]
    public void Choose_WhatIsQuestion_OpensAtTheDefinition()
    {
        const string text = "Cachexia appears with cancer. Cachexia is a wasting syndrome.";

        Assert.Equal(1, OpeningSentence.Choose("what is cachexia", text, SentenceSplitter.Split(text), 0, Occurrences));
    }

    private static int Occurrences(string word) => word switch
    {
        "plasma" => 1,
        "exercise" => 1,
        "treatments" => 40,
        _ => 0,
    };
}
