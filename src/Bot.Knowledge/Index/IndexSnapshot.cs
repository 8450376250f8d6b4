using Bot.Knowledge.Corpus;

namespace Bot.Knowledge.Index;

/// <summary>
/// An immutable, searchable view of the corpus: term dictionary, one <see cref="FieldIndex"/> per field, the
/// sentences of every passage, and the surface vocabulary for typo correction. Search only ever reads a snapshot;
/// re-indexing builds a new one and swaps a single reference.
/// </summary>
public sealed class IndexSnapshot
{
    private readonly Dictionary<string, int> _termIds;
    private readonly FieldIndex[] _fields;

    internal IndexSnapshot(
        IReadOnlyList<Passage> passages,
        IReadOnlyDictionary<string, SourceMetadata> sources,
        Dictionary<string, int> termIds,
        FieldIndex[] fields,
        IndexedSentence[][] sentences,
        IReadOnlyDictionary<string, string> vocabulary)
    {
        Passages = passages;
        Sources = sources;
        _termIds = termIds;
        _fields = fields;
        Sentences = sentences;
        Vocabulary = vocabulary;
    }

    /// <summary>The passages; a passage's id is its index.</summary>
    public IReadOnlyList<Passage> Passages { get; }

    /// <summary>Source metadata by id.</summary>
    public IReadOnlyDictionary<string, SourceMetadata> Sources { get; }

    /// <summary>The sentences of each passage, by passage id.</summary>
    public IndexedSentence[][] Sentences { get; }

    /// <summary>Every lower-cased word seen in the passages, mapped to its indexed term.</summary>
    public IReadOnlyDictionary<string, string> Vocabulary { get; }

    /// <summary>How many passages are indexed.</summary>
    public int PassageCount => Passages.Count;

    /// <summary>The id of <paramref name="term"/>, or -1 when no passage has it.</summary>
    public int TermId(string term) => _termIds.TryGetValue(term, out var id) ? id : -1;

    /// <summary>The index of one field.</summary>
    public FieldIndex Field(IndexField field) => _fields[(int)field];
}
