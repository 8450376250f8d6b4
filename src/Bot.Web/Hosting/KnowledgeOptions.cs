namespace Bot.Web.Hosting;

/// <summary>The <c>Knowledge</c> section: where the corpus is.</summary>
public sealed record KnowledgeOptions
{
    /// <summary>The corpus folder, relative to the folder of the root appsettings.json.</summary>
    public string CorpusPath { get; init; } = "corpus";

    /// <summary>The corpus folder, resolved.</summary>
    public string CorpusDirectory { get; set; } = "corpus";
}
