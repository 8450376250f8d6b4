using System.Text.RegularExpressions;
using Bot.Knowledge.Understanding;

namespace Bot.Knowledge.Triage;

/// <summary>
/// The deterministic half of emergency triage: plain descriptions of an emergency happening now ("I can't breathe",
/// "my dad is having a stroke", "I want to kill myself", "he's not breathing"). Each pattern names a present state of
/// someone, not the condition, so questions about symptoms ("what does a seizure look like") and past events ("I had
/// a stroke two years ago") do not match; the model in <see cref="MessageTriage"/> reads everything else. Signs that
/// also appear in questions about the topic ("chest pain", "difficulty breathing") count only when the message speaks
/// of someone and is not phrased as a general question.
/// </summary>
public static partial class EmergencyRules
{
    private static readonly (Emergency Flag, Regex Pattern)[] Unambiguous =
    [
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
    ];

    /// <summary>The emergency <paramref name="message"/> plainly describes, if any.</summary>
    public static Emergency? Detect(string message)
    {
        // "Laughing so hard I can't breathe" and "killing myself laughing" are figures of speech; what else the message says is still read.
        var text = Figurative().Replace(TextNormalizer.Normalize(message), " ");
        if (SelfHarm().IsMatch(text))
        {
            return Emergency.SelfHarm;
        }

        // "What should you do if someone is choking?" names the state without anyone being in it.
        var hypothetical = Hypothetical().IsMatch(text);
        foreach (var (flag, pattern) in Unambiguous)
        {
            if (!hypothetical && pattern.IsMatch(text))
            {
                return flag;
            }
        }

        var general = GeneralQuestion().IsMatch(text) || !Personal().IsMatch(text) || Past().IsMatch(text);
        foreach (var (flag, pattern) in Contextual)
        {
            if (!general && pattern.IsMatch(text))
            {
                return flag;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b(kill(ing)? my ?self|end(ing)? (my|it all|my own)( own)? life|end it all|take my (own )?life|(i|i'm|im) (want|wanted|going|gonna) to die|wish i (was|were) dead|better off dead|(i|i just) don'?t want to (live|be alive|be here) any ?more|(i'm|im|i am|been) (thinking|planning) (of|about) (suicide|killing|ending)|suicidal|(cut|cutting|harm|harming) my ?self|no point (in )?(going|goin|carrying|living) on|better off without me|(thinking|thought) (about|of) (jumping|ending it)|(saving|saved|stockpiling) (up )?(my |all my )?(pills|tablets|meds)|said (all )?my goodbyes|won'?t be (here|around) (tomorrow|much longer|any ?more)|(sorted|put) (everything|my affairs) (out|in order) (for|before) (i|when)|goodbye (letter|note)s?|done with (it all|life|living)|(end|ending) it (all )?(tonight|today|right now)|(don'?t|do not) want (anyone|anybody) to (stop|find) me)\b")]
    private static partial Regex SelfHarm();

    [GeneratedRegex(@"\b((i'm|im|i am|he's|hes|she's|shes|(he|she|my \w+|mum|mom|dad) is|think (i'?m|he'?s|she'?s|they'?re)) having a stroke|having a stroke (right )?now)\b")]
    private static partial Regex StrokeNow();

    [GeneratedRegex(@"\b(i|he|she|they|we|baby|child|son|daughter|husband|wife|dad|mum|mom|i'm|he's|she's|hes|shes|im) (can'?t|cannot|can not|couldn'?t|is unable to|are unable to) (breathe|breath|get (a |my |his |her )?breath)\b|\b(he's|she's|hes|shes|he is|she is|he has|she has|(my|our) \w+ (is|has)|i'm|im|i am|baby is|they're) (not breathing|stopped breathing|choking)\b|\b(lips|face) (are |is |have |has )?(going |turning |gone |turned |looking )?blue\b")]
    private static partial Regex CannotBreathe();

    [GeneratedRegex(@"\b(suddenly |just )?(lost|losing|can'?t control|cannot control) (control of )?(my |his |her |their )?(bladder|bowel)s?\b.*\b(legs?|numb|weak\w*)\b|\b(legs?|numb|weak\w*)\b.*\b(lost|losing|can'?t control|cannot control) (control of )?(my |his |her |their )?(bladder|bowel)s?\b")]
    private static partial Regex ContinenceLoss();

    [GeneratedRegex(@"\b((has|have|just|she|he|dad|mum|mom|husband|wife) (collapsed|passed out)( and)? (is |and )?(not|isn'?t|won'?t) (waking|responding|breathing)|(is|he's|she's|hes|shes) (unconscious|unresponsive|not responding)|(is|he's|she's|hes|shes|i'm|im) (having a (seizure|fit)|fitting|convulsing)|on the (floor|ground) (having a (seizure|fit)|fitting|convulsing|jerking)|won'?t stop (bleeding|fitting|convulsing)|(throat|tongue) is (closing|swelling))\b")]
    private static partial Regex Collapse();

    [GeneratedRegex(@"\b(trouble|difficulty|struggling) (breathing|to breathe)\b|\bshort(ness)? of breath\b|\bgasping\b")]
    private static partial Regex BreathingTrouble();

    [GeneratedRegex(@"\b(chest (pain|pains|tightness|pressure|hurts|is tight)|pain in (my|the|his|her) chest|crushing (pain|feeling) in|(heavy|tight|squeezing) (feeling|band|pressure|weight) (in|across|on|round|around) (my|his|her|the) chest|chest feels (heavy|tight|crushed))\b")]
    private static partial Regex ChestPain();

    [GeneratedRegex(@"\b(face (is )?droop\w*|drooping face|slurred speech|slurring|(can'?t|cannot) (speak|talk))\b")]
    private static partial Regex StrokeSigns();

    [GeneratedRegex(@"^(does|do|did|can|could|is|are|was|what|whats|what's|how|why|which|will|would|should|when|where|who)\b")]
    private static partial Regex GeneralQuestion();

    [GeneratedRegex(@"\b((laugh(ing|ed)?|giggl(ing|ed)) (so|too) (hard|much)( that)? (i|he|she|we|they|u|you) (can'?t|cannot|couldn'?t|could not) (breathe|breath)|kill(ing|ed)? (my|him|her|them)(self|selves) laughing)\b")]
    private static partial Regex Figurative();

    [GeneratedRegex(@"\b(if|signs?|symptoms?|what (to|do you|should you) do|how (do|can|would) (you|i) (tell|know|recognise|recognize)|would mean|in case)\b")]
    private static partial Regex Hypothetical();

    /// <summary>
    /// Told of the past or of a long time: "had" alone ("my dad had chest pain last year") but not the present perfect
    /// of something still going on ("i've had chest tightness for the last 20 mins"), and "for years" or "for months".
    /// </summary>
    [GeneratedRegex(@"\b((?<!\b(i'?ve|i have|we'?ve|we have|they'?ve|they have|has|he'?s|she'?s) )had|was|were|used to|years? ago|last (year|month|week)|months ago|in the past|when (i|he|she) was|for (years|months|ages|a long time))\b")]
    private static partial Regex Past();

    [GeneratedRegex(@"\b(i|i'm|im|i've|ive|me|my|we|our|us|he|she|he's|she's|his|her|him|they're|someone|somebody|baby|child|son|daughter|husband|wife|partner|mom|mum|dad|mother|father)\b")]
    private static partial Regex Personal();
}
