using Bot.Knowledge.Understanding;

namespace Bot.Knowledge.Tests.Understanding;

public sealed class MessageSentencesTests
{
    [Theory]
    [InlineData("what is ALS", new[] { "what is ALS" })]
    [InlineData("My dad is 80. He can't get up! Is that sarcopenia?", new[] { "My dad is 80.", "He can't get up!", "Is that sarcopenia?" })]
    [InlineData("first line\nsecond line", new[] { "first line", "second line" })]
    [InlineData(" ... ", new string[0])]
    public void Split_ChatMessage_GivesItsSentences(string text, string[] expected)
    {
        Assert.Equal(expected, MessageSentences.Split(text));
    }
}
