using Bot.Knowledge.Understanding;

namespace Bot.Knowledge.Tests.Understanding;

public sealed class QuestionPartsTests
{
    [Theory]
    [InlineData("What causes sarcopenia? And how much does a physio session cost?", new[] { "What causes sarcopenia?", "how much does a physio session cost?" })]
    [InlineData("what is cachexia and how is it treated", new[] { "what is cachexia", "how is it treated" })]
    [InlineData("wat is sma n can u get it as an adult", new[] { "wat is sma", "can u get it as an adult" })]
    public void Split_MessageAskingTwoThings_GivesEachQuestion(string message, string[] expected)
    {
        Assert.Equal(expected, QuestionParts.Split(message).Select(part => part.Text));
    }

    [Theory]
    [InlineData("My dad is 80 and can't get up from his chair. Is that sarcopenia?")]
    [InlineData("is atrophy and wasting the same thing")]
    [InlineData("can u get muscle wastin in ur face or is it just legs n arms")]
    [InlineData("does MS cause musle wasting?? how")]
    [InlineData("Can bed rest waste your muscles? Why is that?")]
    public void Split_MessageAskingOneThing_HasNoParts(string message)
    {
        Assert.Empty(QuestionParts.Split(message));
    }

    [Theory]
    [InlineData("My dad had a stroke years ago. His left arm is thin. Could that be from the stroke?", "Could that be from the stroke?")]
    [InlineData("what is sarcopenia", null)]
    [InlineData("My dad is 80. What is sarcopenia? How is it treated?", null)]
    [InlineData("My mum has MS. Does MS cause musle wasting?? how", "Does MS cause musle wasting?? how")]
    public void Asked_MessageTellingThenAsking_GivesItsOneQuestion(string message, string? expected)
    {
        Assert.Equal(expected, QuestionParts.Asked(message));
    }

    [Fact]
    public void Split_QuestionReferringBack_IsReadWithTheMessagesStatementsAndTheQuestionBefore()
    {
        var parts = QuestionParts.Split("My mum has cancer. What is cachexia? How is it treated?");

        Assert.Equal("My mum has cancer. What is cachexia?", parts[0].Reading);
        Assert.Equal("My mum has cancer. What is cachexia? How is it treated?", parts[1].Reading);
    }
}
