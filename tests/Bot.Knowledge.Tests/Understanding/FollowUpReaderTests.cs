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
    [InlineData("does it hurt, she says her arms ache")]
    public void Joined_MessageAfterATopic_IsJoinedWithTheMessageThatSetIt(string message)
    {
        Assert.Equal($"{message} what is cachexia", FollowUpReader.Joined(message, Cachexia));
    }

    [Fact]
    public void Joined_TopicWithoutANamedSubject_JoinsTheMessageThatSetIt()
    {
        var topic = ConversationTopic.Start("my dad has muscle wasting from lying in a hospital bed", []);

        Assert.Equal("can physio help with that? my dad has muscle wasting from lying in a hospital bed", FollowUpReader.Joined("can physio help with that?", topic));
    }

    [Theory]
    [InlineData("what is myositis?")]
    [InlineData("What's SMA")]
    public void Joined_QuestionNamingItsOwnSubject_IsNotJoined(string message)
    {
        Assert.Null(FollowUpReader.Joined(message, Cachexia));
    }

    [Fact]
    public void Joined_NoTopic_IsNotJoined()
    {
        Assert.Null(FollowUpReader.Joined("how is it treated?", null));
    }

    [Theory]
    [InlineData(true, true, true, true)]
    [InlineData(true, true, false, false)]
    [InlineData(true, false, false, true)]
    [InlineData(false, true, true, false)]
    [InlineData(false, false, true, true)]
    [InlineData(false, false, false, false)]
    public void PreferJoined_Readings_TakesTheJoinedOneWhenItAnswersAndTheMessageLeansOrAloneCannot(bool leans, bool aloneAnswers, bool joinedAnswers, bool expected)
    {
        Assert.Equal(expected, FollowUpReader.PreferJoined(leans, aloneAnswers, joinedAnswers));
    }

    [Theory]
    [InlineData("how is it treated?", true)]
    [InlineData("and in kids?", true)]
    [InlineData("which ones help the most?", true)]
    [InlineData("can not eating waste her muscles too", false)]
    [InlineData("what causes muscle atrophy", false)]
    public void RefersBack_Message_IsTrueForAThingPointedBackAtOrAContinuingOpening(string message, bool expected)
    {
        Assert.Equal(expected, FollowUpReader.RefersBack(message));
    }

    [Theory]
    [InlineData("what about sarcopenia?", "what is cachexia", "what is sarcopenia")]
    [InlineData("and ALS", "what is cachexia", "what is ALS")]
    [InlineData("what about MS?", "what causes ALS", "what causes MS")]
    [InlineData("what about arthritis?", "can bed rest cause muscle wasting", "can arthritis cause muscle wasting")]
    [InlineData("and treatment?", "what are the symptoms of muscle atrophy", "what are the treatment of muscle atrophy")]
    [InlineData("what about ALS?", "how does MS cause muscle wasting", "how does ALS cause muscle wasting")]
    [InlineData("and of cachexia?", "what are the symptoms of polio", "what are the symptoms of cachexia")]
    [InlineData("and MS?", "how does MS cause muscle wasting", null)]
    [InlineData("and does exercise help?", "what causes ALS", null)]
    [InlineData("and in older people?", "what is cachexia", null)]
    [InlineData("what about it?", "what is cachexia", null)]
    [InlineData("what about muscle wasting?", "how does muscle wasting start", null)]
    public void AskedAbout_AnotherSubject_AsksTheTopicsQuestionAboutIt(string message, string topic, string? expected)
    {
        Assert.Equal(expected, _sut.AskedAbout(message, ConversationTopic.Start(topic, []))?.Questions[0]);
    }

    [Fact]
    public void AskedAbout_AnotherSubject_NamesIt()
    {
        Assert.Equal("MS", _sut.AskedAbout("what about MS?", ConversationTopic.Start("what causes ALS", []))?.Subject);
    }

    [Theory]
    [InlineData("causes?", true)]
    [InlineData("can it happen even if you eat a lot?", true)]
    [InlineData("what causes muscle atrophy", false)]
    public void Leans_Message_IsTrueForAFragmentOrAReferenceBack(string message, bool expected)
    {
        Assert.Equal(expected, FollowUpReader.Leans(message));
    }

    [Theory]
    [InlineData("benefits?", true)]
    [InlineData("how does it work?", true)]
    [InlineData("are you a person?", false)]
    [InlineData("what can this bot do", false)]
    [InlineData("tell me everything about muscle loss", false)]
    public void Continues_Message_IsTrueForAFragmentOrAReferenceBackNotSpokenToTheBot(string message, bool expected)
    {
        Assert.Equal(expected, FollowUpReader.Continues(message));
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
    public void Reference_TopicContinued_IsTheMessageThatSetIt()
    {
        Assert.Equal("what is cachexia", Cachexia.Continue("what causes it?", []).Reference);
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
