namespace Bot.Knowledge.Corpus;

/// <summary>The ingested corpus: every source with its passages, and the passages in one list by id.</summary>
public sealed class KnowledgeCorpus
{
    /// <summary>Creates a corpus from ingested documents whose passages are numbered 0..n-1 in order.</summary>
    public KnowledgeCorpus(IReadOnlyList<SourceDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        Documents = documents;
        Passages = documents.SelectMany(document => document.Passages).OrderBy(passage => passage.Id).ToArray();
        Sources = documents.ToDictionary(document => document.Metadata.Id, document => document.Metadata, StringComparer.Ordinal);
    }

    /// <summary>The sources in manifest order.</summary>
    public IReadOnlyList<SourceDocument> Documents { get; }

    /// <summary>All passages; a passage's id is its index here.</summary>
    public IReadOnlyList<Passage> Passages { get; }

    /// <summary>Source metadata by id.</summary>
    public IReadOnlyDictionary<string, SourceMetadata> Sources { get; }
}
