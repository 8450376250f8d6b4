namespace Bot.Knowledge.Answers;

/// <summary>The kinds of small talk the bot answers itself.</summary>
public enum SmallTalk
{
    /// <summary>Hello.</summary>
    Greeting,

    /// <summary>Thank you.</summary>
    Thanks,

    /// <summary>What can you do; who are you.</summary>
    Capabilities,

    /// <summary>Goodbye.</summary>
    Farewell,
}
