using System.Collections.Concurrent;
using Bot.Knowledge.Corpus;
using Lucene.Net.Index;
using Lucene.Net.Search;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Bot.Knowledge.Indexing;

/// <summary>
/// An immutable, searchable view of the passages: their Lucene index (one document per passage, see
/// <see cref="PassageDocuments"/>) opened as one <see cref="IndexSearcher"/>, with the passages and sources it was built
/// from. Search only ever reads a snapshot; re-indexing builds a new one and swaps a single reference. Thread-safe.
/// </summary>
public sealed class PassageIndex : IDisposable
{
    private readonly LuceneDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly int[] _documentOfPassage;
    private readonly int[] _passageOfDocument;
    private readonly ConcurrentDictionary<string, string?> _corrections = new(StringComparer.Ordinal);

    internal PassageIndex(IReadOnlyList<Passage> passages, IReadOnlyDictionary<string, SourceMetadata> sources, PassageAnalyzer analyzer, LuceneDirectory directory, PassageSimilarity similarity)
    {
        Passages = passages;
        Sources = sources;
        Analyzer = analyzer;
        _directory = directory;
        _reader = DirectoryReader.Open(directory);
        if (_reader.NumDocs is var count && count != passages.Count)
        {
            _reader.Dispose();
            throw new InvalidDataException($"The index holds {count} passages, the corpus {passages.Count}.");
        }

        Searcher = new IndexSearcher(_reader) { Similarity = similarity };
        (_passageOfDocument, _documentOfPassage) = (new int[_reader.MaxDoc], new int[passages.Count]);
        foreach (var leaf in _reader.Leaves)
        {
            var ids = leaf.AtomicReader.GetNumericDocValues(PassageFields.PassageId);
            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                var passage = (int)ids.Get(doc);
                _passageOfDocument[leaf.DocBase + doc] = passage;
                _documentOfPassage[passage] = leaf.DocBase + doc;
            }
        }
    }

    /// <summary>How many spelling corrections a snapshot remembers.</summary>
    public const int MaxCorrections = 10_000;

    /// <summary>The passages; a passage's id is its index.</summary>
    public IReadOnlyList<Passage> Passages { get; }

    /// <summary>Source metadata by id.</summary>
    public IReadOnlyDictionary<string, SourceMetadata> Sources { get; }

    /// <summary>The analyzer the index was built with; questions go through it too.</summary>
    public PassageAnalyzer Analyzer { get; }

    /// <summary>The searcher over the index, with the configured BM25 similarity.</summary>
    public IndexSearcher Searcher { get; }

    /// <summary>How many passages are indexed.</summary>
    public int PassageCount => Passages.Count;

    /// <summary>The passage a Lucene document holds.</summary>
    public int PassageOf(int document) => _passageOfDocument[document];

    /// <summary>The Lucene document holding a passage.</summary>
    public int DocumentOf(int passageId) => _documentOfPassage[passageId];

    /// <summary>
    /// The spelling correction of <paramref name="surface"/>, computed by <paramref name="correct"/> once per snapshot (a
    /// fuzzy automaton costs 0.1–1 ms; the index never changes, so neither does the answer). At most
    /// <see cref="MaxCorrections"/> are kept; past that the memory starts afresh.
    /// </summary>
    public string? Correction(string surface, Func<string, string?> correct)
    {
        ArgumentNullException.ThrowIfNull(correct);
        if (_corrections.TryGetValue(surface, out var known))
        {
            return known;
        }

        if (_corrections.Count >= MaxCorrections)
        {
            _corrections.Clear();
        }

        return _corrections[surface] = correct(surface);
    }

    /// <summary>A fresh lookup of term statistics and postings, for one search.</summary>
    public TermLookup Lookup() => new(_reader.Context);

    /// <summary>The passage's sentences (see <see cref="SentenceSplitter"/>), each with the terms whose words start in it, read from the body's term vector offsets.</summary>
    public IndexedSentence[] Sentences(int passageId)
    {
        var spans = SentenceSplitter.Split(Passages[passageId].Text);
        var document = _documentOfPassage[passageId];
        var terms = Locate(spans, _reader.GetTermVector(document, PassageFields.Body));
        return [.. spans.Select((span, i) => new IndexedSentence(span.Start, span.End, [.. terms[i]]))];
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    /// <summary>For each sentence span, the terms of <paramref name="vector"/> with an occurrence starting inside it.</summary>
    private static SortedSet<string>[] Locate(IReadOnlyList<(int Start, int End)> spans, Terms? vector)
    {
        var terms = spans.Select(_ => new SortedSet<string>(StringComparer.Ordinal)).ToArray();
        if (vector is null)
        {
            return terms;
        }

        var enumerator = vector.GetEnumerator();
        DocsAndPositionsEnum? positions = null;
        while (enumerator.MoveNext())
        {
            var term = enumerator.Term.Utf8ToString();
            positions = enumerator.DocsAndPositions(null, positions);
            if (positions is null || positions.NextDoc() == DocIdSetIterator.NO_MORE_DOCS)
            {
                continue;
            }

            for (var i = 0; i < positions.Freq; i++)
            {
                positions.NextPosition();
                if (SentenceAt(spans, positions.StartOffset) is var sentence and >= 0)
                {
                    terms[sentence].Add(term);
                }
            }
        }

        return terms;
    }

    private static int SentenceAt(IReadOnlyList<(int Start, int End)> spans, int offset)
    {
        for (var i = 0; i < spans.Count; i++)
        {
            if (offset >= spans[i].Start && offset < spans[i].End)
            {
                return i;
            }
        }

        return -1;
    }
}
