using System.Text.RegularExpressions;
using Bot.Knowledge.Understanding;

namespace Bot.Knowledge.Triage;

/// <summary>
/// Recognises a message that is only small talk. A greeting followed by a question ("hi, what is ALS?") is not
/// small talk: it gets answered.
/// </summary>
public static partial class SmallTalkRules
{
    /// <summary>The kind of small talk <paramref name="message"/> is, if it is only that.</summary>
    public static SmallTalk? Detect(string message)
    {
        var text = TextNormalizer.Normalize(message);
        if (Greeting().IsMatch(text))
        {
            return SmallTalk.Greeting;
        }

        if (Thanks().IsMatch(text))
        {
            return SmallTalk.Thanks;
        }

        if (Capabilities().IsMatch(text))
        {
            return SmallTalk.Capabilities;
        }

        return Goodbye().IsMatch(text) ? SmallTalk.Goodbye : null;
    }

    [GeneratedRegex(@"^((hi|hello|hey|hiya|howdy|greetings|yo|hallo|good (morning|afternoon|evening|day))( there| bot| everyone| all)?( how are you( doing)?| how's it going)?|how are you( doing)?( today)?)$")]
    private static partial Regex Greeting();

    [GeneratedRegex(@"^((ok|okay|great|perfect|awesome|brilliant|that's helpful|that helps|that's great|got it) ?)*(thanks|thank you|thank u|thx|ty|cheers|many thanks|much appreciated|appreciate it)( (so|very) much| a lot| again| for (your|the) help| for helping)?( bye)?$|^(ok|okay|got it|great|perfect|that helps|that's helpful)$")]
    private static partial Regex Thanks();

    [GeneratedRegex(@"^(so )?(what (can|do|could) (you|i) (do|help( me)? with|ask( you)?( about)?|know( about)?)|what (are|is) (you|this)( for)?|who are you|how (can|do|could) you help( me)?|how does this work|what do you (do|know)|help|help me|what topics( do you (know|cover))?)$")]
    private static partial Regex Capabilities();

    [GeneratedRegex(@"^(bye|goodbye|good bye|see you|see ya|later|good night|cya|take care)( now| then| for now)?$")]
    private static partial Regex Goodbye();
}
