using Bot.Knowledge.Analysis;
using Bot.Knowledge.Corpus;

namespace Bot.Knowledge.Index;

/// <summary>Builds an <see cref="IndexSnapshot"/> from passages: analyzes every passage once, records postings with positions.</summary>
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
        var fields = Enum.GetValues<IndexField>().Select(_ => new FieldIndexBuilder(passages.Count)).ToArray();
        var sentences = new IndexedSentence[passages.Count][];
        var spelling = new Dictionary<string, string>(StringComparer.Ordinal);
        var headings = new Dictionary<string, (List<Token> Tokens, List<int> Ids)>(StringComparer.Ordinal);
        var (body, bodyIds) = (new List<Token>(), new List<int>());
        var (previous, previousIds) = (new List<Token>(), new List<int>());
        for (var id = 0; id < passages.Count; id++)
        {
            var passage = passages[id];
            if (passage.Id != id)
            {
                throw new ArgumentException($"Passage at index {id} has id {passage.Id}; ids must be 0..n-1 in order.", nameof(passages));
            }

            analyzer.Analyze(passage.Text, body);
            Intern(termIds, body, bodyIds);
            fields[(int)IndexField.Body].Add(id, body, bodyIds);
            // An entry of the clinic's questions and answers is found by its questions, as an article passage by its heading.
            if ((passage.Questions.Count > 0 ? string.Join('\n', passage.Questions) : passage.Heading) is { } heading)
            {
                if (!headings.TryGetValue(heading, out var analyzed))
                {
                    analyzed = (analyzer.Analyze(heading), []);
                    Intern(termIds, analyzed.Tokens, analyzed.Ids);
                    headings.Add(heading, analyzed);
                }

                fields[(int)IndexField.Heading].Add(id, analyzed.Tokens, analyzed.Ids);
            }

            var before = id > 0 ? passages[id - 1] : null;
            if (before is not null && before.SourceId == passage.SourceId && before.Heading == passage.Heading)
            {
                fields[(int)IndexField.Context].Add(id, previous, previousIds);
            }

            sentences[id] = Sentences(passage.Text, body, bodyIds);
            AddSpellings(passage.Text, body, spelling);
            (body, bodyIds, previous, previousIds) = (previous, previousIds, body, bodyIds);
        }

        var titles = IndexTitles(passages, sources, termIds);
        var frozen = fields.Select(field => field.Freeze(termIds.Count)).ToArray();
        var bodyField = frozen[(int)IndexField.Body];
        var spellingIndex = new SpellingIndex(spelling.Select(entry => (entry.Key, bodyField.Postings(termIds[entry.Value])?.DocumentFrequency ?? 0)));
        return new IndexSnapshot(passages, sources, termIds, frozen, titles, sentences, spellingIndex);
    }

    /// <summary>Fills <paramref name="ids"/> with the term id of each token, numbering new terms as they come.</summary>
    private static void Intern(Dictionary<string, int> termIds, List<Token> tokens, List<int> ids)
    {
        ids.Clear();
        foreach (var token in tokens)
        {
            if (!termIds.TryGetValue(token.Term, out var termId))
            {
                termId = termIds.Count;
                termIds.Add(token.Term, termId);
            }

            ids.Add(termId);
        }
    }

    /// <summary>Each source's display title, indexed once; sources are numbered in ordinal order of their ids.</summary>
    private IndexedTitles IndexTitles(IReadOnlyList<Passage> passages, IReadOnlyDictionary<string, SourceMetadata> sources, Dictionary<string, int> termIds)
    {
        var sourceIds = sources.Keys.Union(passages.Select(passage => passage.SourceId)).Order(StringComparer.Ordinal).ToArray();
        var ordinals = sourceIds.Select((sourceId, ordinal) => (sourceId, ordinal)).ToDictionary(entry => entry.sourceId, entry => entry.ordinal, StringComparer.Ordinal);
        var builder = new FieldIndexBuilder(sourceIds.Length);
        var ids = new List<int>();
        for (var ordinal = 0; ordinal < sourceIds.Length; ordinal++)
        {
            var tokens = analyzer.Analyze(sources.TryGetValue(sourceIds[ordinal], out var source) ? source.DisplayTitle : string.Empty);
            Intern(termIds, tokens, ids);
            builder.Add(ordinal, tokens, ids);
        }

        return new IndexedTitles(builder.Freeze(termIds.Count), passages.Select(passage => ordinals[passage.SourceId]).ToArray());
    }

    /// <summary>The passage's sentences, each with the distinct ids of the terms that start inside it.</summary>
    private static IndexedSentence[] Sentences(string text, List<Token> tokens, List<int> termIds)
    {
        var spans = SentenceSplitter.Split(text);
        var sentences = new IndexedSentence[spans.Count];
        var ids = new SortedSet<int>();
        for (var s = 0; s < spans.Count; s++)
        {
            ids.Clear();
            for (var t = 0; t < tokens.Count; t++)
            {
                if (tokens[t].Start >= spans[s].Start && tokens[t].Start < spans[s].End)
                {
                    ids.Add(termIds[t]);
                }
            }

            sentences[s] = new IndexedSentence(spans[s].Start, spans[s].End, [.. ids]);
        }

        return sentences;
    }

    /// <summary>Records the lower-cased spelling of each all-letter word with the term it analyzes to.</summary>
    private static void AddSpellings(string text, List<Token> tokens, Dictionary<string, string> spelling)
    {
        var lookup = spelling.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[StandardTokenizer.MaxTokenLength];
        foreach (var token in tokens)
        {
            var surface = text.AsSpan(token.Start, token.End - token.Start);
            if (token.Kind != TokenKind.Word || surface.Length > lower.Length || !IsLetters(surface))
            {
                continue;
            }

            var word = lower[..surface.ToLowerInvariant(lower)];
            if (!lookup.ContainsKey(word))
            {
                lookup[word] = token.Term;
            }
        }
    }

    private static bool IsLetters(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
