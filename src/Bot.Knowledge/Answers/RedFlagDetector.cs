using System.Text.RegularExpressions;

namespace Bot.Knowledge.Answers;

/// <summary>
/// Deterministic emergency triage, run before any search. Unambiguous signs ("can't breathe", "kill myself")
/// always count. Signs that also appear in questions about the topic ("chest pain", "difficulty breathing") count
/// when the message speaks of someone's present state, that is, unless it is phrased as a general question
/// ("does ALS cause difficulty breathing") with no one in it.
/// </summary>
public static partial class RedFlagDetector
{
    private static readonly (Emergency Flag, Regex Pattern)[] Unambiguous =
    [
        (Emergency.SelfHarm, SelfHarm()),
        (Emergency.Stroke, StrokeNow()),
        (Emergency.Breathing, CannotBreathe()),
        (Emergency.SuddenWeakness, ContinenceLoss()),
        (Emergency.Collapse, Collapse()),
    ];

    private static readonly (Emergency Flag, Regex Pattern)[] Contextual =
    [
        (Emergency.Breathing, BreathingTrouble()),
        (Emergency.ChestPain, ChestPain()),
        (Emergency.Stroke, StrokeSigns()),
        (Emergency.SuddenWeakness, SuddenWeakness()),
    ];

    /// <summary>The red flag <paramref name="message"/> raises, if any.</summary>
    public static Emergency? Detect(string message)
    {
        var text = TextNormalizer.Normalize(message);
        foreach (var (flag, pattern) in Unambiguous)
        {
            if (pattern.IsMatch(text))
            {
                return flag;
            }
        }

        var general = GeneralQuestion().IsMatch(text) && !Personal().IsMatch(text);
        foreach (var (flag, pattern) in Contextual)
        {
            if (!general && pattern.IsMatch(text))
            {
                return flag;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b(suicid\w*|kill(ing)? my ?self|end(ing)? (my|it all|my own)( own)? life|end it all|take my (own )?life|want(ed)? to die|wish i (was|were) dead|better off dead|don'?t want to (live|be alive|be here)|self ?harm\w*|hurt(ing)? my ?self|harm(ing)? my ?self|cut(ting)? my ?self|overdos\w*)\b")]
    private static partial Regex SelfHarm();

    [GeneratedRegex(@"\b((having|had|have|is having|might be having|think i'?m having|i'?m having) a stroke|stroke (right )?now)\b")]
    private static partial Regex StrokeNow();

    [GeneratedRegex(@"\b(can'?t|cannot|can not|unable to|couldn'?t|struggling to|fighting to) (breathe|breath|get (my )?breath)|(not|stopped|isn'?t|wasn'?t) breathing|choking|turning blue|lips (are |turning )?blue\b")]
    private static partial Regex CannotBreathe();

    [GeneratedRegex(@"\b(lost|losing|loss of|lose|can'?t control|cannot control|no control (of|over)) (my |his |her |their )?(bladder|bowel)s?\b|\b(wet|soiled) my ?self\b")]
    private static partial Regex ContinenceLoss();

    [GeneratedRegex(@"\b(unconscious|unresponsive|not responding|passed out|collapsed|seizure|fitting|convulsing|bleeding heavily|severe bleeding|won'?t stop bleeding|anaphyla\w*|throat (is )?(closing|swelling))\b")]
    private static partial Regex Collapse();

    [GeneratedRegex(@"\b(trouble|difficulty|difficult|hard|struggle|problems?) (breathing|to breathe)\b|\bshort(ness)? of breath\b|\bbreathless\b")]
    private static partial Regex BreathingTrouble();

    [GeneratedRegex(@"\b(chest (pain|pains|tightness|pressure|hurts|is tight)|pain in (my|the|his|her) chest|heart attack)\b")]
    private static partial Regex ChestPain();

    [GeneratedRegex(@"\b(face (is )?droop\w*|drooping face|slurred speech|slurring|(can'?t|cannot) (speak|talk|lift (my|his|her) arm)|one side of (my|his|her|the) (face|body))\b")]
    private static partial Regex StrokeSigns();

    [GeneratedRegex(@"\bsudden(ly)? (weak|weakness|numb|numbness|paralys\w*|paralyz\w*|can'?t (move|walk|stand|feel))\b|\b(legs?|arms?) (suddenly )?(gave out|gave way|went numb)\b")]
    private static partial Regex SuddenWeakness();

    [GeneratedRegex(@"^(does|do|did|can|could|is|are|was|what|whats|what's|how|why|which|will|would|should|when|where|who)\b")]
    private static partial Regex GeneralQuestion();

    [GeneratedRegex(@"\b(i|i'm|im|i've|me|my|we|our|us|he|she|he's|she's|his|her|him|they're|someone|somebody|baby|child|son|daughter|husband|wife|partner|mom|mum|dad|mother|father)\b")]
    private static partial Regex Personal();
}
