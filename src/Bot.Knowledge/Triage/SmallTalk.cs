namespace Bot.Knowledge.Triage;

/// <summary>The kinds of small talk the bot answers itself, each with its own reply.</summary>
public enum SmallTalk
{
    /// <summary>Hello.</summary>
    Greeting,

    /// <summary>Thank you.</summary>
    Thanks,

    /// <summary>Goodbye.</summary>
    Goodbye,

    /// <summary>Who or what am I talking to; is this a person.</summary>
    Identity,

    /// <summary>What can you help with; how does this work.</summary>
    Capabilities,

    /// <summary>Praise for the bot or an answer.</summary>
    Compliment,

    /// <summary>How are you.</summary>
    HowAreYou,

    /// <summary>"ok", "I see", "makes sense".</summary>
    Acknowledgement,

    /// <summary>"That didn't help", "wrong answer".</summary>
    Complaint,
}
