using System.Buffers;
using System.Numerics.Tensors;
using Bot.Knowledge.Corpus;

namespace Bot.Knowledge.Semantic;

/// <summary>
/// The vector of every passage and of each of its sentences, for one corpus snapshot. A clinic Q&amp;A entry's
/// "sentences" are its question and the other ways it is asked (small models compare question with question far
/// better than question with paragraph), each standing for the whole answer, and they are its example questions too;
/// an article passage's example questions come from corpus/passage-questions.jsonl. Beside them, the vectors of the
/// questions no passage answers (<see cref="Corpus.ExampleQuestions.Unanswerable"/>).
/// The vectors are kept in three contiguous arrays (passages; sentences, passage after passage; example questions
/// likewise) with each passage's first row, and again quantised to a byte a dimension (<see cref="QuantizedVectors"/>):
/// a scan over 100k passages reads the bytes in order, a quarter of the floats, and computes the exact cosines only for
/// the passages the quantised ones cannot rule out (see <see cref="Retrieval.HybridRanker"/>). The float32 rows stay in
/// memory, or, given a <see cref="VectorFile"/>, in that file (a large corpus's).
/// </summary>
public sealed class PassageVectors
{
    private readonly int _dimensions;
    private readonly float[] _passages;
    private readonly float[] _sentences;
    private readonly int[] _sentenceStarts;
    private readonly float[] _examples;
    private readonly VectorFile? _file;
    private readonly long[] _fileOffsets = [];
    private readonly long _floats;
    private readonly int[] _exampleStarts;
    private readonly float[][] _unanswerable;
    private readonly QuantizedVectors _passageCodes;
    private readonly QuantizedVectors _sentenceCodes;
    private readonly QuantizedVectors _exampleCodes;

    /// <summary>
    /// Vectors computed elsewhere (benchmarks on synthetic corpora): one per passage, and its sentences'; the float32 rows
    /// are kept in <paramref name="file"/> when one is given (the caller disposes it after these vectors), else in memory.
    /// </summary>
    public PassageVectors(float[][] passages, float[][][] sentences, float[][][]? examples = null, float[][]? unanswerable = null, VectorFile? file = null)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(sentences);
        _dimensions = passages.Length == 0 ? 0 : passages[0].Length;
        _passages = Flatten(passages);
        _sentences = Flatten(sentences.SelectMany(list => list));
        _sentenceStarts = Starts(sentences.Select(list => list.Length), passages.Length);
        _examples = examples is null ? [] : Flatten(examples.SelectMany(list => list));
        _exampleStarts = Starts(examples?.Select(list => list.Length) ?? [], passages.Length);
        _unanswerable = unanswerable ?? [];
        _passageCodes = new QuantizedVectors(_passages, _dimensions);
        _sentenceCodes = new QuantizedVectors(_sentences, _dimensions);
        _exampleCodes = new QuantizedVectors(_examples, _dimensions);
        _floats = (long)_passages.Length + _sentences.Length + _examples.Length;
        if (file is not null)
        {
            (_file, _fileOffsets) = (file, file.Write(_passages, _sentences, _examples));
            (_passages, _sentences, _examples) = ([], [], []);
        }
    }

    /// <summary>How many passages have vectors.</summary>
    public int Count => _sentenceStarts.Length - 1;

    /// <summary>How many sentence vectors there are, over all passages.</summary>
    public int SentenceCount => _sentenceStarts[^1];

    /// <summary>How many example-question vectors there are, over all passages.</summary>
    public int ExampleCount => _exampleStarts[^1];

    /// <summary>Bytes the passage, sentence and example-question vectors take in float32 (the exact cosines).</summary>
    public long VectorBytes => _floats * sizeof(float);

    /// <summary>Bytes the same vectors take quantised (the scan's), a byte a dimension and a scale a vector.</summary>
    public long QuantizedBytes => _passageCodes.Bytes + _sentenceCodes.Bytes + _exampleCodes.Bytes;

    /// <summary>
    /// Embeds <paramref name="passages"/> (ids 0…n−1, in order), their sentences and the example questions each answers
    /// (<paramref name="examples"/>, see <see cref="Corpus.ExampleQuestions"/>) through <paramref name="cache"/>. The
    /// questions are embedded as <paramref name="reading"/> spells them (the abbreviations spelt out, as a patient's
    /// question is before it is embedded), so the two are compared alike.
    /// </summary>
    public static PassageVectors Build(IReadOnlyList<Passage> passages, IEmbedder embedder, VectorCache cache, ExampleQuestions examples, Func<string, string>? reading = null)
    {
        reading ??= question => question;
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(examples);
        var spans = passages.Select(passage => passage.Questions.Count > 0
            ? [.. passage.Questions]
            : SentenceSplitter.Split(passage.Text).Select(span => passage.Text[span.Start..span.End]).ToArray()).ToArray();
        var vectors = cache.Embed(embedder, [.. passages.Select(passage => passage.Text), .. spans.SelectMany(list => list)], EmbeddingKind.Passage);
        var next = passages.Count;
        var sentences = spans.Select(list => list.Select(_ => vectors[next++]).ToArray()).ToArray();
        var questions = passages.Select(passage => passage.Questions.Count > 0 ? passage.Questions : examples.For(passage)).ToArray();
        var questionVectors = cache.Embed(embedder, [.. questions.SelectMany(list => list).Select(reading)], EmbeddingKind.Query);
        next = 0;
        var examplesByPassage = questions.Select(list => list.Select(_ => questionVectors[next++]).ToArray()).ToArray();
        return new PassageVectors(vectors[..passages.Count], sentences, examplesByPassage, cache.Embed(embedder, [.. examples.Unanswerable.Select(reading)], EmbeddingKind.Query));
    }

    /// <summary>
    /// The cosine of <paramref name="query"/> with the closest question no passage answers, leaving out the one at
    /// <paramref name="except"/> (tuning leaves a question's own entry out); 0 when there are none.
    /// </summary>
    public float Unanswerable(ReadOnlySpan<float> query, int except = -1)
    {
        var best = 0f;
        for (var i = 0; i < _unanswerable.Length; i++)
        {
            best = i == except ? best : Math.Max(best, TensorPrimitives.Dot(_unanswerable[i], query));
        }

        return best;
    }

    /// <summary>
    /// Cosine of <paramref name="query"/> with the passage, with its closest sentence (and that sentence's index, −1
    /// when it has none), and with the closest of the example questions it answers (0 when it has none).
    /// </summary>
    public (float Passage, float Sentence, int SentenceIndex, float Question) Similarity(int passageId, ReadOnlySpan<float> query)
    {
        var (firstSentence, firstExample) = (_sentenceStarts[passageId], _exampleStarts[passageId]);
        var (sentenceRows, exampleRows) = (_sentenceStarts[passageId + 1] - firstSentence, _exampleStarts[passageId + 1] - firstExample);
        var scratch = _file is null ? null : ArrayPool<float>.Shared.Rent((1 + sentenceRows + exampleRows) * _dimensions);
        try
        {
            var (best, index) = (-1f, -1);
            var sentences = Rows(_sentences, 1, firstSentence, sentenceRows, scratch, 0);
            for (var i = 0; i < sentenceRows; i++)
            {
                var similarity = TensorPrimitives.Dot(sentences.Slice(i * _dimensions, _dimensions), query);
                (best, index) = similarity > best ? (similarity, i) : (best, index);
            }

            var question = 0f;
            var examples = Rows(_examples, 2, firstExample, exampleRows, scratch, sentenceRows);
            for (var offset = 0; offset < examples.Length; offset += _dimensions)
            {
                question = Math.Max(question, TensorPrimitives.Dot(examples.Slice(offset, _dimensions), query));
            }

            return (TensorPrimitives.Dot(Rows(_passages, 0, passageId, 1, scratch, sentenceRows + exampleRows), query), best, index, question);
        }
        finally
        {
            if (scratch is not null)
            {
                ArrayPool<float>.Shared.Return(scratch);
            }
        }
    }

    /// <summary><paramref name="count"/> float32 rows from <paramref name="first"/> on, from memory or read from the file into <paramref name="scratch"/> (at row <paramref name="at"/>).</summary>
    private ReadOnlySpan<float> Rows(float[] memory, int block, int first, int count, float[]? scratch, int at) =>
        _file is null
            ? memory.AsSpan(first * _dimensions, count * _dimensions)
            : _file.Read(_fileOffsets[block] + ((long)first * _dimensions), scratch.AsSpan(at * _dimensions, count * _dimensions));

    /// <summary>
    /// The passage's quantised cosines with <paramref name="query"/>: with the passage, its closest sentence (−1 without
    /// sentences) and its closest example question (0 without), each computed only when asked for (0 otherwise); each
    /// within its <see cref="ErrorBounds"/> of the exact cosine <see cref="Similarity"/> returns.
    /// </summary>
    internal (float Passage, float Sentence, float Question) ApproximateSimilarity(int passageId, QuantizedQuery query, bool passage, bool sentence, bool question)
    {
        var (passageCosine, sentenceCosine, questionCosine) = (0f, 0f, 0f);
        if (passage)
        {
            passageCosine = _passageCodes.Cosine(query, passageId);
        }

        if (sentence)
        {
            sentenceCosine = -1f;
            for (var row = _sentenceStarts[passageId]; row < _sentenceStarts[passageId + 1]; row++)
            {
                sentenceCosine = Math.Max(sentenceCosine, _sentenceCodes.Cosine(query, row));
            }
        }

        if (question)
        {
            for (var row = _exampleStarts[passageId]; row < _exampleStarts[passageId + 1]; row++)
            {
                questionCosine = Math.Max(questionCosine, _exampleCodes.Cosine(query, row));
            }
        }

        return (passageCosine, sentenceCosine, questionCosine);
    }

    /// <summary>How far each of <see cref="ApproximateSimilarity"/>'s cosines can be from the exact one, for any passage.</summary>
    internal (float Passage, float Sentence, float Question) ErrorBounds(QuantizedQuery query) =>
        (_passageCodes.ErrorBound(query), _sentenceCodes.ErrorBound(query), _exampleCodes.ErrorBound(query));

    private static float[] Flatten(IEnumerable<float[]> vectors)
    {
        var rows = vectors as IReadOnlyCollection<float[]> ?? [.. vectors];
        var flat = new float[rows.Sum(row => (long)row.Length)];
        var at = 0;
        foreach (var row in rows)
        {
            row.CopyTo(flat, at);
            at += row.Length;
        }

        return flat;
    }

    /// <summary>Each passage's first row in a flattened array, and one past the last passage's last row.</summary>
    private static int[] Starts(IEnumerable<int> counts, int passages)
    {
        var starts = new int[passages + 1];
        using var count = counts.GetEnumerator();
        for (var i = 0; i < passages; i++)
        {
            starts[i + 1] = starts[i] + (count.MoveNext() ? count.Current : 0);
        }

        return starts;
    }
}
