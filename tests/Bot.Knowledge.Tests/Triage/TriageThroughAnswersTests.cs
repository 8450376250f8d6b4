using Bot.Knowledge.Answers;

namespace Bot.Knowledge.Tests.Triage;

/// <summary>Triage as a patient meets it: through the answer service, one row per emergency kind, small-talk intent and near miss.</summary>
public sealed class TriageThroughAnswersTests
{
    private static AnswerService Sut => SharedKnowledgeBase.Instance.Answers;

    [Theory]
    [InlineData("my husband's words have gone jumbled and the left side of his face has dropped", "stroke")]
    [InlineData("all of a sudden i can't see out of one eye and my right hand won't grip", "stroke")]
    [InlineData("my son with SMA is gasping and can't get a full breath in, his lips look grey", "breathing")]
    [InlineData("granny swallowed a boiled sweet the wrong way and can't make a sound", "breathing")]
    [InlineData("heavy squeezing in my chest going into my left arm and i'm sweating buckets", "chest")]
    [InlineData("since this morning both my legs are going weak and i can't feel when i need the loo, my bum is numb", "weakness")]
    [InlineData("dad went down in the kitchen and we can't wake him", "collapse")]
    [InlineData("my daughter's been jerking and stiff on the floor for five minutes", "collapse")]
    [InlineData("after eating peanuts his tongue is swelling up and he's wheezing", "collapse")]
    [InlineData("the cut on his leg keeps pumping blood through the towel", "collapse")]
    [InlineData("my toddler got into the cupboard and ate a strip of my blood pressure tablets", "poisoning")]
    [InlineData("i've got the whole box of sleeping tablets lined up and tonight's the night", "selfharm")]
    [InlineData("everyone would cope better if i wasn't around any more, i've written the notes", "selfharm")]
    [InlineData("after that crush injury his leg is huge and tight and his pee is the colour of cola", "other")]
    public void Ask_EmergencyInOwnWords_GivesItsGuidanceAndNoCorpusText(string message, string kind)
    {
        var answer = Sut.Ask(message);

        Assert.Equal(AnswerKind.Emergency, answer.Kind);
        Assert.Empty(answer.Citations);
        var expected = kind switch
        {
            "stroke" => "stroke",
            "selfharm" => "crisis line",
            "poisoning" => "poisoning",
            _ => "emergency",
        };
        Assert.Contains(expected, answer.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("call", answer.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("how can you tell if someone is having a stroke")]
    [InlineData("my grandad had a stroke in 2019 and his hand is thinner now, can that come back")]
    [InlineData("my arms are dying after carrying the shopping up three flights")]
    [InlineData("leg day absolutely killed me, is sore normal")]
    [InlineData("does ALS eventually affect the breathing muscles")]
    [InlineData("my mum has been getting slowly weaker in her legs for a couple of years")]
    [InlineData("is it safe to take creatine with my blood pressure pills")]
    [InlineData("I've been feeling down about losing my strength, any tips for staying positive?")]
    public void Ask_NearMiss_IsNotTreatedAsAnEmergency(string message)
    {
        Assert.NotEqual(AnswerKind.Emergency, Sut.Ask(message).Kind);
    }

    [Theory]
    [InlineData("good evening", "Hello")]
    [InlineData("hiya, anyone home?", "Hello")]
    [InlineData("ta very much, that's what i needed", "welcome")]
    [InlineData("right, i'm off now. cheerio", "Goodbye")]
    [InlineData("is this a computer answering me", "automated assistant")]
    [InlineData("what sorts of things can i ask you about", "I answer questions about muscle wasting")]
    [InlineData("you're a clever little bot", "glad")]
    [InlineData("how's it going with you today", "always ready")]
    [InlineData("okey dokey", "anything else")]
    [InlineData("that answer was rubbish", "sorry")]
    public void Ask_SmallTalk_GetsTheReplyForItsIntent(string message, string expected)
    {
        var answer = Sut.Ask(message);

        Assert.Equal(AnswerKind.SmallTalk, answer.Kind);
        Assert.Contains(expected, answer.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("hello! does lying in bed for weeks make your muscles shrink?")]
    [InlineData("thanks, and what is cachexia?")]
    public void Ask_SmallTalkWithAQuestion_IsAnsweredNotChattedAt(string message)
    {
        Assert.NotEqual(AnswerKind.SmallTalk, Sut.Ask(message).Kind);
    }

    [Fact]
    public void Ask_EmergencyInTheMiddleOfALongMessage_IsCaught()
    {
        const string message = "My mum is 81 and has had sarcopenia for a while, we've been doing her exercises every day. "
            + "I popped round today and she can't breathe properly and her lips are going blue. "
            + "She was fine at lunch. Her physio is next week.";

        Assert.Equal(AnswerKind.Emergency, Sut.Ask(message).Kind);
    }
}
