using Bot.Core.Analytics;

namespace Bot.Core.Tests.Analytics;

public sealed class QuestionRedactorTests
{
    [Theory]
    [InlineData("my name is Jane Doe and my legs are weak", "my name is [name] and my legs are weak")]
    [InlineData("Hi, I'm called maria. is atrophy reversible?", "Hi, I'm called [name]. is atrophy reversible?")]
    [InlineData("call me on 07700 900123 or +44 (0)20-7946-0958", "call me on [number] or [number]")]
    [InlineData("write to jane.doe+clinic@example.co.uk please", "write to [email] please")]
    [InlineData("born 12/03/1950, NHS no 943 476 5919", "born [number], NHS no [number]")]
    [InlineData("what is sarcopenia", "what is sarcopenia")]
    public void Redact_PersonalDetails_AreBlanked(string question, string expected)
    {
        Assert.Equal(expected, QuestionRedactor.Redact(question));
    }
}
