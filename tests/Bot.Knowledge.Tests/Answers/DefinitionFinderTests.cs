using Bot.Knowledge.Answers;

namespace Bot.Knowledge.Tests.Answers;

public sealed class DefinitionFinderTests
{
    [Theory]
    [InlineData("Cachexia is a complex metabolic condition.", "cachexia")]
    [InlineData("Intro. Amyotrophic lateral sclerosis (ALS) is a progressive disease.", "als")]
    [InlineData("Amyotrophic lateral sclerosis (ALS) is a progressive disease.", "amyotrophic lateral sclerosis")]
    [InlineData("Cells shrink, resulting in a condition called sarcopenia.", "sarcopenia")]
    [InlineData("Muscle wasting refers to a loss of muscle mass.", "muscle wasting")]
    public void Defines_DefinitionalSentence_IsTrue(string text, string subject)
    {
        Assert.True(DefinitionFinder.Defines(text, subject));
    }

    [Theory]
    [InlineData("People who have cachexia may lose weight.", "cachexia")]
    [InlineData("According to a report from the agency, sarcopenia is common.", "sarcopenia")]
    [InlineData("Cachexias are rare.", "cachexia")]
    [InlineData("Nothing here.", "cachexia")]
    public void Defines_OtherSentence_IsFalse(string text, string subject)
    {
        Assert.False(DefinitionFinder.Defines(text, subject));
    }
}
