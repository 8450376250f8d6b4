namespace Bot.Knowledge.Retrieval;

/// <summary>Ranking parameters, bound from the <c>Search</c> configuration section.</summary>
public sealed record SearchOptions
{
    /// <summary>BM25 term-frequency saturation.</summary>
    public double K1 { get; init; } = 1.2;

    /// <summary>BM25 length normalisation.</summary>
    public double B { get; init; } = 0.75;

    /// <summary>Weight of a match in the passage text.</summary>
    public double BodyBoost { get; init; } = 1.0;

    /// <summary>Weight of a match in the section heading: a heading says what its paragraphs are about.</summary>
    public double HeadingBoost { get; init; } = 1.0;

    /// <summary>Weight of a match in the source title.</summary>
    public double TitleBoost { get; init; } = 0.15;

    /// <summary>Weight of a match in the example questions the passage answers.</summary>
    public double ExamplesBoost { get; init; } = 0.5;

    /// <summary>Weight of a match in the preceding passage of the same section.</summary>
    public double ContextBoost { get; init; } = 0.3;

    /// <summary>How much a synonym match counts relative to the word itself.</summary>
    public double SynonymWeight { get; init; } = 0.8;

    /// <summary>How much a typo-corrected match counts relative to the word itself.</summary>
    public double FuzzyWeight { get; init; } = 0.7;

    /// <summary>Bonus, as a share of the two words' importance, when neighbouring question words stand close together in a passage.</summary>
    public double ProximityBoost { get; init; } = 0.3;

    /// <summary>How many positions apart two neighbouring question words may stand and still earn the proximity bonus.</summary>
    public int ProximityWindow { get; init; } = 3;

    /// <summary>How many top passages get the proximity bonus computed (Lucene's QueryRescorer over the first pass).</summary>
    public int RescoreDepth { get; init; } = 20;

    /// <summary>
    /// A question word found in more than this share of the passages is left out of the first pass, unless no indexed
    /// word of the question is rarer (see <see cref="QueryBuilder.Match"/>); 1 leaves none out.
    /// </summary>
    public double CommonWordShare { get; init; } = 0.5;
}
