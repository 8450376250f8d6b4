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

    [Theory]
    [InlineData("what is cachexia?", "cachexia")]
    [InlineData("What are the  motor neurons", "motor neurons")]
    [InlineData("what does sarcopenia mean", "sarcopenia")]
    [InlineData("define FES", "FES")]
    [InlineData("atrophy meaning", "atrophy")]
    public void Subject_DefinitionQuestion_IsTheThingAskedAbout(string question, string subject)
    {
        Assert.Equal(subject, DefinitionFinder.Subject(question));
    }

    [Theory]
    [InlineData("what causes cachexia")]
    [InlineData("how is sarcopenia treated")]
    public void Subject_OtherQuestion_IsNull(string question)
    {
        Assert.Null(DefinitionFinder.Subject(question));
    }
}
