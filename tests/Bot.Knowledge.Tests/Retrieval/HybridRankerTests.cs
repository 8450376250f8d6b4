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
    [InlineData("muscel wastign", "loss of muscle mass")]
    [InlineData("wat r the symptoms of muscle wastin", "symptoms")]
    public void Ask_MisspeltQuestion_IsAnsweredAsIfSpeltRight(string question, string expected)
    {
        var answer = Sut.Ask(question);

        Assert.Equal(AnswerKind.Answer, answer.Kind);
        Assert.Contains(expected, answer.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Ask_TwoQuestionsOneUnanswered_AnswersOneWithItsCitationAndNamesTheOther()
    {
        var answer = Sut.Ask("What causes sarcopenia? And how much does a physio session cost in Leeds?");

        Assert.Equal(AnswerKind.Answer, answer.Kind);
        var citation = Assert.Single(answer.Citations);
        Assert.Contains("sarcopenia", citation.Snippet, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("don't answer “how much does a physio session cost in Leeds”", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_TwoAnsweredQuestions_CitesAPassageForEach()
    {
        var answer = Sut.Ask("What is functional electrical stimulation? And what is focused ultrasound therapy?");

        Assert.Equal(2, answer.Citations.Count);
        Assert.Contains(answer.Citations, citation => citation.Snippet.Contains("Functional electrical stimulation", StringComparison.Ordinal));
        Assert.Contains(answer.Citations, citation => citation.Snippet.Contains("ultrasound", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Ask_StoryThenASelfContainedQuestion_IsAnsweredByTheQuestion()
    {
        // Declined as a whole (the story pulls the vector away), answered by its question, from a passage the whole message also ranks high.
        var answer = Sut.Ask("I work long shifts at a desk and my wife says I'm getting soft and flabby. Does inactivity make muscles waste?");

        Assert.Equal(AnswerKind.Answer, answer.Kind);
        Assert.Contains("inactivity", answer.Citations[0].Snippet, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("My son has had anorexia since he was 15 and his legs are like sticks now. Is losing muscle part of that?")]
    [InlineData("My uncle broke his leg and was in a cast for 8 weeks, the leg looks tiny. Is losing muscle part of that?")]
    public void Ask_StoryThenAQuestionThatLeansOnIt_IsNotAnsweredAsTheQuestionAlone(string message)
    {
        var alone = Sut.Ask("Is losing muscle part of that?");

        var answer = Sut.Ask(message);

        Assert.Equal(AnswerKind.Answer, alone.Kind);
        Assert.NotEqual<int?>(alone.Citations[0].PassageId, answer.Citations.Count > 0 ? answer.Citations[0].PassageId : null);
    }

    /// <summary>Close to the corpus's topics but asking what no article says (not among its unanswerable questions as worded).</summary>
    [Theory]
    [InlineData("roughly how many years do people survive once they are told they have ALS")]
    [InlineData("what would a course of focused ultrasound treatment set me back in dollars")]
    public void Ask_NearMissTheArticlesDoNotAnswer_IsDeclined(string question)
    {
        Assert.Equal(AnswerKind.Decline, Sut.Ask(question).Kind);
    }

    [Theory]
    [InlineData("how do I renew my passport")]
    [InlineData("what is the capital of peru")]
    public void Ask_UnrelatedQuestion_IsDeclined(string question)
    {
        Assert.Equal(AnswerKind.Decline, Sut.Ask(question).Kind);
    }
}
