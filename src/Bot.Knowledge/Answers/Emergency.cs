namespace Bot.Knowledge.Answers;

/// <summary>The kinds of emergency a message can signal.</summary>
public enum Emergency
{
    /// <summary>Stroke signs: face drooping, slurred speech, sudden one-sided weakness.</summary>
    Stroke,

    /// <summary>Breathing trouble or choking.</summary>
    Breathing,

    /// <summary>Chest pain or a heart attack.</summary>
    ChestPain,

    /// <summary>Sudden weakness, or loss of bladder or bowel control (spinal cord compression).</summary>
    SuddenWeakness,

    /// <summary>Thoughts of suicide or self-harm.</summary>
    SelfHarm,

    /// <summary>Collapse, unresponsiveness, seizures, severe bleeding, severe allergic reaction.</summary>
    Collapse,
}
