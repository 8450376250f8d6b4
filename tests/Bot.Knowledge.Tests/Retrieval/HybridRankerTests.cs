using Bot.Knowledge.Answers;

namespace Bot.Knowledge.Tests.Retrieval;

/// <summary>Questions in patients' words, with no word in common with the passage that answers them.</summary>
public sealed class HybridRankerTests
{
    private static AnswerService Sut => SharedKnowledgeBase.Instance.Answers;

    [Theory]
    [InlineData("does lying in bed for weeks make your muscles feeble", "bed rest")]
    public void Ask_QuestionInOtherWords_IsAnsweredFromThePassageThatMeansIt(string question, string expected)
    {
        var answer = Sut.Ask(question);

        Assert.Equal(AnswerKind.Answer, answer.Kind);
        Assert.Contains(expected, answer.Text + " " + string.Join(' ', answer.Citations.Select(citation => citation.Snippet)), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("how do I renew my passport")]
    [InlineData("what is the capital of peru")]
    public void Ask_UnrelatedQuestion_IsDeclined(string question)
    {
        Assert.Equal(AnswerKind.Decline, Sut.Ask(question).Kind);
    }
}
