using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Bot.Knowledge.Indexing;

/// <summary>
/// The term statistics and postings one search asks about, looked up once: a terms enumerator per field and segment,
/// reused for every seek (Lucene's <see cref="TermContext.Build"/> opens a new one on each call, several microseconds
/// apiece), each term's <see cref="TermContext"/> kept for the query that scores it, and a postings enumerator per field
/// and segment handed back to Lucene for reuse (a new one allocates its block buffers: about 1.3 MB a search on the
/// corpus before). Not thread-safe: one per search.
/// </summary>
public sealed class TermLookup
{
    private readonly IndexReaderContext _top;
    private readonly Dictionary<string, TermsEnum?[]> _enumerators = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Field, string Term), TermContext> _contexts = [];
    private readonly Dictionary<string, DocsEnum?[]> _postings = new(StringComparer.Ordinal);

    internal TermLookup(IndexReaderContext top) => _top = top;

    /// <summary>The term's per-segment states and statistics in <paramref name="field"/>.</summary>
    public TermContext Context(string field, string term)
    {
        if (_contexts.TryGetValue((field, term), out var cached))
        {
            return cached;
        }

        var context = new TermContext(_top);
        var enumerators = Enumerators(field);
        var bytes = new BytesRef(term);
        for (var i = 0; i < enumerators.Length; i++)
        {
            if (enumerators[i] is { } enumerator && enumerator.SeekExact(bytes))
            {
                context.Register(enumerator.GetTermState(), _top.Leaves[i].Ord, enumerator.DocFreq, enumerator.TotalTermFreq);
            }
        }

        _contexts[(field, term)] = context;
        return context;
    }

    /// <summary>How many passages have <paramref name="term"/> in <paramref name="field"/>.</summary>
    public int DocumentFrequency(string field, string term) => Context(field, term).DocFreq;

    /// <summary>Whether Lucene document <paramref name="document"/> has <paramref name="term"/> in <paramref name="field"/>.</summary>
    public bool Contains(int document, string field, string term)
    {
        var context = Context(field, term);
        if (context.DocFreq == 0)
        {
            return false;
        }

        var leaf = _top.Leaves[ReaderUtil.SubIndex(document, _top.Leaves)];
        if (context.Get(leaf.Ord) is not { } state || Enumerators(field)[leaf.Ord] is not { } enumerator)
        {
            return false;
        }

        enumerator.SeekExact(new BytesRef(term), state);
        if (!_postings.TryGetValue(field, out var postings))
        {
            postings = new DocsEnum?[_top.Leaves.Count];
            _postings[field] = postings;
        }

        var docs = postings[leaf.Ord] = enumerator.Docs(null, postings[leaf.Ord], DocsFlags.NONE);
        var target = document - leaf.DocBase;
        return docs.Advance(target) == target;
    }

    private TermsEnum?[] Enumerators(string field)
    {
        if (!_enumerators.TryGetValue(field, out var enumerators))
        {
            enumerators = [.. _top.Leaves.Select(leaf => leaf.AtomicReader.GetTerms(field)?.GetEnumerator())];
            _enumerators[field] = enumerators;
        }

        return enumerators;
    }
}
