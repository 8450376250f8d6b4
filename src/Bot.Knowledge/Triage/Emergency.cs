namespace Bot.Knowledge.Triage;

/// <summary>The kinds of emergency a message can signal; each gets its own guidance.</summary>
public enum Emergency
{
    /// <summary>Stroke signs: face drooping, slurred speech, sudden one-sided weakness or numbness.</summary>
    Stroke,

    /// <summary>Breathing trouble or choking.</summary>
    Breathing,

    /// <summary>Chest pain or pressure, a heart attack.</summary>
    ChestPain,

    /// <summary>Sudden or fast-spreading weakness, or loss of bladder or bowel control or a numb groin (spinal cord compression).</summary>
    SuddenWeakness,

    /// <summary>Thoughts or plans of suicide or self-harm.</summary>
    SelfHarm,

    /// <summary>Collapse, unresponsiveness, seizures, severe bleeding, severe allergic reaction.</summary>
    Collapse,

    /// <summary>An overdose, or medicine or poison swallowed.</summary>
    Poisoning,

    /// <summary>Any other sign of an emergency: dark urine with severe muscle pain, a stiff neck with fever and rash, and the like.</summary>
    Other,
}
