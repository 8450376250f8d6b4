using Bot.Knowledge.Semantic;
using Bot.Knowledge.Understanding;

namespace Bot.Knowledge.Tests.Understanding;

public sealed class FollowUpReaderTests
{
    private static readonly ConversationTopic Cachexia = ConversationTopic.Start("what is cachexia", [3]);

    private readonly FollowUpReader _sut = new(MiniLmEmbedder.Shared);

    [Theory]
    [InlineData("how is it treated?")]
    [InlineData("and in older people?")]
    [InlineData("is that common?")]
    [InlineData("what about weight loss?")]
    public void Read_MessageThatRefersBack_IsRetrievedWithTheTopic(string message)
    {
        var text = _sut.Read(Message.Read(message, MiniLmEmbedder.Shared), Cachexia, answeredAlone: true);

        Assert.Equal($"{message} what is cachexia", text);
    }

    [Theory]
    [InlineData("what is myositis?")]
    [InlineData("how does focused ultrasound therapy work")]
    public void Read_SelfContainedQuestionOnAnotherSubject_StartsANewTopic(string message)
    {
        Assert.Null(_sut.Read(Message.Read(message, MiniLmEmbedder.Shared), Cachexia, answeredAlone: true));
    }

    [Fact]
    public void Read_NoTopic_IsNotAFollowUp()
    {
        Assert.Null(_sut.Read(Message.Read("how is it treated?", MiniLmEmbedder.Shared), null, answeredAlone: false));
    }

    [Theory]
    [InlineData("what about sarcopenia?", "what is sarcopenia")]
    [InlineData("and ALS", "what is ALS")]
    [InlineData("and in older people?", null)]
    [InlineData("what about it?", null)]
    public void AskedAbout_AnotherSubject_AsksTheTopicsQuestionAboutIt(string message, string? expected)
    {
        Assert.Equal(expected, FollowUpReader.AskedAbout(message, Cachexia));
    }

    [Fact]
    public void AskedAbout_TopicWithoutANamedSubject_IsNotRewritten()
    {
        Assert.Null(FollowUpReader.AskedAbout("what about ALS?", ConversationTopic.Start("how does MS cause muscle wasting", [])));
    }

    [Theory]
    [InlineData("what is cachexia?", "cachexia")]
    [InlineData("What's SMA", "SMA")]
    [InlineData("tell me about ALS", "ALS")]
    [InlineData("can bed rest cause muscle wasting?", "can bed rest cause muscle wasting")]
    public void Start_Message_NamesTheTopicByWhatItAsksAbout(string message, string subject)
    {
        Assert.Equal(subject, ConversationTopic.Start(message, []).Subject);
    }

    [Fact]
    public void Continue_ManyFollowUps_KeepsTheFirstMessageAndTheLatestOnes()
    {
        var sut = Cachexia.Continue("what causes it?", [4]).Continue("is it common?", [3, 5]).Continue("and in kids?", []);

        Assert.Equal(["what is cachexia", "is it common?", "and in kids?"], sut.Messages);
        Assert.Equal([3, 4, 5], sut.Passages);
        Assert.Equal("cachexia", sut.Subject);
    }
}
