using Bot.Knowledge.Analysis;

namespace Bot.Knowledge.Index;

/// <summary>Collects one field's postings document by document (ids ascending) and freezes them into a <see cref="FieldIndex"/>.</summary>
internal sealed class FieldIndexBuilder(int documentCount)
{
    private readonly List<Postings?> _postings = [];
    private readonly int[] _lengths = new int[documentCount];

    /// <summary>Adds the tokens of document <paramref name="document"/>; <paramref name="termIds"/> holds each token's term id.</summary>
    public void Add(int document, List<Token> tokens, List<int> termIds)
    {
        var length = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            length += tokens[i].Kind == TokenKind.Word ? 1 : 0;
            var termId = termIds[i];
            while (_postings.Count <= termId)
            {
                _postings.Add(null);
            }

            (_postings[termId] ??= new Postings()).Add(document, tokens[i].Position);
        }

        _lengths[document] = length;
    }

    /// <summary>The frozen field, with a slot for each of <paramref name="termCount"/> term ids.</summary>
    public FieldIndex Freeze(int termCount)
    {
        var postings = new PostingList?[termCount];
        for (var termId = 0; termId < _postings.Count; termId++)
        {
            postings[termId] = _postings[termId]?.Freeze();
        }

        return new FieldIndex(postings, _lengths);
    }

    private sealed class Postings
    {
        private readonly List<int> _documents = [];
        private readonly List<int> _frequencies = [];
        private readonly List<int> _starts = [];
        private readonly List<int> _positions = [];

        public void Add(int document, int position)
        {
            if (_documents.Count == 0 || _documents[^1] != document)
            {
                _documents.Add(document);
                _frequencies.Add(0);
                _starts.Add(_positions.Count);
            }

            _frequencies[^1]++;
            _positions.Add(position);
        }

        public PostingList Freeze() => new([.. _documents], [.. _frequencies], [.. _starts, _positions.Count], [.. _positions]);
    }
}
