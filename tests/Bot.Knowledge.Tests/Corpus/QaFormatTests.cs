using Bot.Knowledge.Corpus;

namespace Bot.Knowledge.Tests.Corpus;

public sealed class QaFormatTests
{
    private const string File = """
        ---
        url: https://clinic.example/questions
        ---

        # Example Clinic: practical questions

        A note for editors, never answered.

        ## Is there parking?

        - Where can I park?
        - Can I come by car?

        Free parking is behind the building.

        Two spaces are kept for wheelchair users.

        ## What should I bring?

        Bring:

        - a photo ID
        - your insurance card
        """;

    [Fact]
    public void Passages_QuestionsWithPhrasingsAndAnswers_OnePassagePerQuestionWithTheAnswerVerbatim()
    {
        var sut = QaFormat.Passages("qa", File, firstId: 7);

        Assert.Equal(2, sut.Count);
        Assert.Equal((7, "Is there parking?"), (sut[0].Id, sut[0].Heading));
        Assert.Equal(["Is there parking?", "Where can I park?", "Can I come by car?"], sut[0].Questions);
        Assert.Equal("Free parking is behind the building.\n\nTwo spaces are kept for wheelchair users.", sut[0].Text);
        Assert.Equal(["What should I bring?"], sut[1].Questions);
        Assert.Equal("Bring:\n\n- a photo ID\n- your insurance card", sut[1].Text);
        Assert.All(sut, passage => Assert.Equal(File[passage.Start..passage.End], passage.Text));
    }

    [Fact]
    public void Title_FileOpensWithALevelOneHeading_IsThatHeading()
    {
        Assert.Equal("Example Clinic: practical questions", QaFormat.Title(File));
    }

    [Theory]
    [InlineData("## Is there parking?\n\n- Where can I park?\n\n## Opening hours?\n\nNine to five.\n", "line 1: the question 'Is there parking?' has no answer")]
    [InlineData("## Opening hours?\n\nNine to five.\n\n## opening hours?\n\nTen to six.\n", "line 5: the question 'opening hours?' is asked twice")]
    [InlineData("# Only a title\n\nAnd a note.\n", "has no questions")]
    public void Passages_BrokenFile_IsRefusedSayingWhereAndWhy(string file, string reason)
    {
        var refused = Assert.Throws<InvalidDataException>(() => QaFormat.Passages("qa", file, 0));

        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what time do you close on  fridays", "## What time do you close on fridays?\n")]
    [InlineData("## parking.", "## Parking?\n")]
    public void Entry_Question_IsAHeadingToPasteThatIsRefusedUntilAnswered(string question, string heading)
    {
        var sut = QaFormat.Entry(question);

        Assert.StartsWith(heading, sut, StringComparison.Ordinal);
        Assert.Contains("has no answer", Assert.Throws<InvalidDataException>(() => QaFormat.Passages("qa", sut, 0)).Message, StringComparison.Ordinal);
        var completed = sut + "\n- When do you shut on Friday?\n\nAt 5 pm.\n";
        var entry = Assert.Single(QaFormat.Passages("qa", completed, 0));
        Assert.Equal([heading[3..^1], "When do you shut on Friday?"], entry.Questions);
        Assert.Equal("At 5 pm.", entry.Text);
    }
}
