namespace Bot.Web.Hosting;

/// <summary>The <c>Knowledge</c> section: where the corpus is, and where its index is kept.</summary>
public sealed record KnowledgeOptions
{
    /// <summary>The corpus folder, relative to the folder of the root appsettings.json.</summary>
    public string CorpusPath { get; init; } = "corpus";

    /// <summary>The folder the Lucene index is persisted in (rebuilt when the corpus or the analysis changes), relative likewise.</summary>
    public string IndexPath { get; init; } = "data/index";

    /// <summary>The corpus folder, resolved.</summary>
    public string CorpusDirectory { get; set; } = "corpus";

    /// <summary>The index folder, resolved.</summary>
    public string IndexDirectory { get; set; } = "data/index";
}
