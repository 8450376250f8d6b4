using Bot.Knowledge.Corpus;

namespace Bot.Knowledge.Index;

/// <summary>
/// An immutable, searchable view of the corpus: term dictionary, one <see cref="FieldIndex"/> per passage field,
/// source titles indexed once per source, the sentences of every passage, and the spelling index for typo
/// correction. Search only ever reads a snapshot; re-indexing builds a new one and swaps a single reference.
/// </summary>
public sealed class IndexSnapshot
{
    private readonly Dictionary<string, int> _termIds;
    private readonly FieldIndex[] _fields;

    internal IndexSnapshot(IReadOnlyList<Passage> passages, IReadOnlyDictionary<string, SourceMetadata> sources, Dictionary<string, int> termIds, FieldIndex[] fields, IndexedTitles titles, IndexedSentence[][] sentences, SpellingIndex spelling)
    {
        Passages = passages;
        Sources = sources;
        _termIds = termIds;
        _fields = fields;
        Titles = titles.Field;
        SourceOrdinals = titles.SourceOrdinals;
        Sentences = sentences;
        Spelling = spelling;
    }

    /// <summary>The passages; a passage's id is its index.</summary>
    public IReadOnlyList<Passage> Passages { get; }

    /// <summary>Source metadata by id.</summary>
    public IReadOnlyDictionary<string, SourceMetadata> Sources { get; }

    /// <summary>Source titles, indexed once per source: document ids are source ordinals (see <see cref="SourceOrdinals"/>).</summary>
    public FieldIndex Titles { get; }

    /// <summary>The ordinal of each passage's source in <see cref="Titles"/>, by passage id.</summary>
    internal int[] SourceOrdinals { get; }

    /// <summary>The sentences of each passage, by passage id.</summary>
    public IndexedSentence[][] Sentences { get; }

    /// <summary>The words of the passages, for typo correction.</summary>
    public SpellingIndex Spelling { get; }

    /// <summary>How many passages are indexed.</summary>
    public int PassageCount => Passages.Count;

    /// <summary>The id of <paramref name="term"/>, or -1 when no passage has it.</summary>
    public int TermId(string term) => _termIds.TryGetValue(term, out var id) ? id : -1;

    /// <summary>The index of one passage field.</summary>
    public FieldIndex Field(IndexField field) => _fields[(int)field];
}
