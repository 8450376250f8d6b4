namespace Bot.Knowledge.Corpus;

/// <summary>What is known about one source document. Only what the document itself states; never invented.</summary>
public sealed record SourceMetadata
{
    /// <summary>A short stable id, unique in the corpus.</summary>
    public required string Id { get; init; }

    /// <summary>The <see cref="Kind"/> of the clinic's own questions and answers (see <see cref="QaFormat"/>).</summary>
    public const string QaKind = "qa";

    /// <summary>The file name inside the corpus folder.</summary>
    public required string File { get; init; }

    /// <summary>The title the source states, if it states one.</summary>
    public string? Title { get; init; }

    /// <summary>Our own label for a source that states no title; shown instead of a title.</summary>
    public string? Label { get; init; }

    /// <summary>The publisher the source names.</summary>
    public string? Publisher { get; init; }

    /// <summary>The author the source names.</summary>
    public string? Author { get; init; }

    /// <summary>Publication or update date as the source states it (ISO 8601).</summary>
    public string? Date { get; init; }

    /// <summary>The address the source states for itself; null when it states none.</summary>
    public string? Url { get; init; }

    /// <summary>Editorial trust: high, medium or low. Breaks ties between equally good passages.</summary>
    public string Trust { get; init; } = "medium";

    /// <summary>The id of the source this one copies, if it is a copy; copies are merged into their original.</summary>
    public string? DuplicateOf { get; init; }

    /// <summary>
    /// <c>article</c> (the default: a health article, cut into passages) or <see cref="QaKind"/> (the clinic's own
    /// questions and answers, each answer one passage cited as the clinic's page, never together with an article).
    /// </summary>
    public string Kind { get; init; } = "article";

    /// <summary>Whether this is the clinic's own questions and answers.</summary>
    public bool IsQa => Kind == QaKind;

    /// <summary>Free-text provenance notes for editors.</summary>
    public string? Note { get; init; }

    /// <summary>The name to show in a citation.</summary>
    public string DisplayTitle => Title ?? Label ?? Id;

    /// <summary>Trust as a number in [0, 1] for ranking.</summary>
    public double TrustWeight => Trust switch
    {
        "high" => 1.0,
        "low" => 0.6,
        _ => 0.8,
    };
}
