using Bot.Knowledge.Corpus;

namespace Bot.Knowledge.Tests.Corpus;

public sealed class BoilerplateFilterTests
{
    [Theory]
    [InlineData("Learn more about ALS here.", true)]
    [InlineData("By Jane Doe", true)]
    [InlineData("Updated Jan 02, 2023", true)]
    [InlineData("We may earn a commission when you buy through our links.", true)]
    [InlineData("Our editors review every article.", true)]
    [InlineData("Sign up for our newsletter", true)]
    [InlineData("Please enter your comment!", true)]
    [InlineData("Muscle atrophy can occur after long periods of inactivity.", false)]
    [InlineData("Our clinic offers physical therapy on weekdays.", false)]
    public void IsBoilerplate_Block_ClassifiesByShape(string text, bool expected)
    {
        Assert.Equal(expected, BoilerplateFilter.IsBoilerplate(text));
    }

    [Fact]
    public void Classify_CommentSection_DropsEverythingAfterIt()
    {
        var blocks = PlainTextSegmenter.Segment("Muscles waste.\n\nComments\n\nBy anon1 — On Jan 1, 2020\n\nI had this too.");

        Assert.Equal([false, true, true, true], BoilerplateFilter.Classify(blocks));
    }

    [Fact]
    public void Classify_ImageCaption_DropsCaptionButKeepsSectionHeading()
    {
        var blocks = PlainTextSegmenter.Segment("Physical therapy\n\nShare on Pinterest\nA therapist at work.\n\nPhysical therapy helps.");

        Assert.Equal([false, true, true, false], BoilerplateFilter.Classify(blocks));
    }
}
