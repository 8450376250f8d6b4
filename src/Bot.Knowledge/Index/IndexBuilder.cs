using Bot.Knowledge.Analysis;
using Bot.Knowledge.Corpus;
using Bot.Knowledge.Highlight;

namespace Bot.Knowledge.Index;

/// <summary>Builds an <see cref="IndexSnapshot"/> from passages: analyzes every field once, records postings with positions.</summary>
public sealed class IndexBuilder(Analyzer analyzer)
{
    /// <summary>Indexes the passages of <paramref name="corpus"/>.</summary>
    public IndexSnapshot Build(KnowledgeCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return Build(corpus.Passages, corpus.Sources);
    }

    /// <summary>Indexes <paramref name="passages"/> (ids 0..n-1 in order) whose sources are in <paramref name="sources"/>.</summary>
    public IndexSnapshot Build(IReadOnlyList<Passage> passages, IReadOnlyDictionary<string, SourceMetadata> sources)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(sources);
        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var fieldCount = Enum.GetValues<IndexField>().Length;
        var builders = Enumerable.Range(0, fieldCount).Select(_ => new List<List<(int Passage, List<int> Positions)>>()).ToArray();
        var lengths = Enumerable.Range(0, fieldCount).Select(_ => new int[passages.Count]).ToArray();
        var sentences = new IndexedSentence[passages.Count][];
        var vocabulary = new Dictionary<string, string>(StringComparer.Ordinal);
        var analyzedCache = new Dictionary<string, Token[]>(StringComparer.Ordinal);

        int Intern(string term)
        {
            if (!termIds.TryGetValue(term, out var id))
            {
                id = termIds.Count;
                termIds.Add(term, id);
                foreach (var builder in builders)
                {
                    builder.Add([]);
                }
            }

            return id;
        }

        Token[] AnalyzeCached(string text)
        {
            if (!analyzedCache.TryGetValue(text, out var tokens))
            {
                tokens = analyzer.Analyze(text).ToArray();
                analyzedCache[text] = tokens;
            }

            return tokens;
        }

        Token[] previousBody = [];
        for (var id = 0; id < passages.Count; id++)
        {
            var passage = passages[id];
            if (passage.Id != id)
            {
                throw new ArgumentException($"Passage at index {id} has id {passage.Id}; ids must be 0..n-1 in order.", nameof(passages));
            }

            var body = analyzer.Analyze(passage.Text).ToArray();
            AddField(IndexField.Body, id, body);
            AddField(IndexField.Heading, id, passage.Heading is null ? [] : AnalyzeCached(passage.Heading));
            var title = sources.TryGetValue(passage.SourceId, out var source) ? source.DisplayTitle : string.Empty;
            AddField(IndexField.Title, id, AnalyzeCached(title));
            var previous = id > 0 ? passages[id - 1] : null;
            var sameSection = previous is not null && previous.SourceId == passage.SourceId && previous.Heading == passage.Heading;
            AddField(IndexField.Context, id, sameSection ? previousBody : []);
            previousBody = body;
            sentences[id] = SentenceSplitter.Split(passage.Text)
                .Select(span => new IndexedSentence(span.Start, span.End, body
                    .Where(token => token.Start >= span.Start && token.Start < span.End)
                    .Select(token => Intern(token.Term)).Distinct().Order().ToArray()))
                .ToArray();
            foreach (var word in StandardTokenizer.Tokenize(passage.Text))
            {
                var surface = word.Term.ToLowerInvariant();
                if (!vocabulary.ContainsKey(surface) && AnalyzeCached(surface).FirstOrDefault() is { Term: { } term })
                {
                    vocabulary[surface] = term;
                }
            }
        }

        var fields = builders.Select((postings, field) => new FieldIndex(
            postings.Select(list => list.Count == 0 ? null : new PostingList(
                list.Select(entry => entry.Passage).ToArray(),
                list.Select(entry => entry.Positions.Count).ToArray(),
                list.Select(entry => entry.Positions.ToArray()).ToArray())).ToArray(),
            lengths[field])).ToArray();
        return new IndexSnapshot(passages, sources, termIds, fields, sentences, vocabulary);

        void AddField(IndexField field, int passageId, Token[] tokens)
        {
            lengths[(int)field][passageId] = tokens.Count(token => token.Kind == TokenKind.Word);
            foreach (var token in tokens)
            {
                var postings = builders[(int)field][Intern(token.Term)];
                if (postings.Count == 0 || postings[^1].Passage != passageId)
                {
                    postings.Add((passageId, []));
                }

                postings[^1].Positions.Add(token.Position);
            }
        }
    }
}
