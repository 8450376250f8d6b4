using Bot.Knowledge.Triage;

namespace Bot.Knowledge.Tests.Triage;

public sealed class EmergencyRulesTests
{
    [Theory]
    [InlineData("I can't breathe", Emergency.Breathing)]
    [InlineData("he's not breathing", Emergency.Breathing)]
    [InlineData("he was laughing so hard he couldn't breathe and now his lips are turning blue", Emergency.Breathing)]
    [InlineData("I think my dad is having a stroke", Emergency.Stroke)]
    [InlineData("i want to kill myself", Emergency.SelfHarm)]
    [InlineData("there's no point going on", Emergency.SelfHarm)]
    [InlineData("my legs went weak and I lost control of my bladder", Emergency.SuddenWeakness)]
    [InlineData("she is unconscious", Emergency.Collapse)]
    [InlineData("the little boy next door is on the floor fitting", Emergency.Collapse)]
    [InlineData("I have chest pain and feel sick", Emergency.ChestPain)]
    [InlineData("for the last 20 mins ive had chest tightness and feel lightheaded", Emergency.ChestPain)]
    [InlineData("right now I've got this heavy feeling in my chest like a tight band", Emergency.ChestPain)]
    [InlineData("goodbye everyone, done with it all tonight", Emergency.SelfHarm)]
    [InlineData("going to end it tonight", Emergency.SelfHarm)]
    [InlineData("I don't want anyone to stop me", Emergency.SelfHarm)]
    public void Detect_PlainEmergency_NamesIt(string message, Emergency expected)
    {
        Assert.Equal(expected, EmergencyRules.Detect(message));
    }

    [Theory]
    [InlineData("what are the signs of a stroke")]
    [InlineData("I had a stroke two years ago")]
    [InlineData("does ALS cause difficulty breathing")]
    [InlineData("can muscle wasting cause chest pain")]
    [InlineData("my dad had chest pain last year")]
    [InlineData("i've had chest pain on and off for years")]
    [InlineData("what does a heavy feeling in the chest mean")]
    [InlineData("we were laughing so hard we couldn't breathe at my gran's first pilates class")]
    [InlineData("my mates were killing themselves laughing at my squats, are they bad for my knees")]
    public void Detect_MentionOrQuestion_IsNoRuleMatch(string message)
    {
        Assert.Null(EmergencyRules.Detect(message));
    }
}
