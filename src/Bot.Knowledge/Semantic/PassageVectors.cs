using System.Numerics.Tensors;
using Bot.Knowledge.Corpus;

namespace Bot.Knowledge.Semantic;

/// <summary>
/// The vector of every passage and of each of its sentences, for one corpus snapshot. A clinic Q&amp;A entry's
/// "sentences" are its question and the other ways it is asked (small models compare question with question far
/// better than question with paragraph), each standing for the whole answer, and they are its example questions too;
/// an article passage's example questions come from corpus/passage-questions.jsonl. Beside them, the vectors of the
/// questions no passage answers (<see cref="Corpus.ExampleQuestions.Unanswerable"/>).
/// </summary>
public sealed class PassageVectors
{
    private readonly float[][] _passages;
    private readonly SentenceVector[][] _sentences;
    private readonly float[][][] _examples;
    private readonly float[][] _unanswerable;

    /// <summary>Vectors computed elsewhere (benchmarks on synthetic corpora): one per passage, and its sentences'.</summary>
    public PassageVectors(float[][] passages, SentenceVector[][] sentences, float[][][]? examples = null, float[][]? unanswerable = null)
    {
        _passages = passages;
        _sentences = sentences;
        _examples = examples ?? [.. passages.Select(_ => Array.Empty<float[]>())];
        _unanswerable = unanswerable ?? [];
    }

    /// <summary>The passage's own vector.</summary>
    public ReadOnlySpan<float> Passage(int passageId) => _passages[passageId];

    /// <summary>The passage's sentences with their vectors.</summary>
    public IReadOnlyList<SentenceVector> Sentences(int passageId) => _sentences[passageId];

    /// <summary>
    /// Embeds <paramref name="passages"/> (ids 0…n−1, in order), their sentences and the example questions each answers
    /// (<paramref name="examples"/>, see <see cref="Corpus.ExampleQuestions"/>) through <paramref name="cache"/>.
    /// </summary>
    public static PassageVectors Build(IReadOnlyList<Passage> passages, IEmbedder embedder, VectorCache cache, ExampleQuestions examples)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(examples);
        var spans = passages.Select(passage => passage.Questions.Count > 0
            ? [.. passage.Questions.Select(question => (Text: question, Start: 0, End: passage.Text.Length))]
            : SentenceSplitter.Split(passage.Text).Select(span => (Text: passage.Text[span.Start..span.End], span.Start, span.End)).ToArray()).ToArray();
        var vectors = cache.Embed(embedder, [.. passages.Select(passage => passage.Text), .. spans.SelectMany(list => list.Select(span => span.Text))], EmbeddingKind.Passage);
        var next = passages.Count;
        var sentences = spans.Select(list => list.Select(span => new SentenceVector(span.Start, span.End, vectors[next++])).ToArray()).ToArray();
        var questions = passages.Select(passage => passage.Questions.Count > 0 ? passage.Questions : examples.For(passage)).ToArray();
        var questionVectors = cache.Embed(embedder, [.. questions.SelectMany(list => list)], EmbeddingKind.Query);
        next = 0;
        var examplesByPassage = questions.Select(list => list.Select(_ => questionVectors[next++]).ToArray()).ToArray();
        return new PassageVectors(vectors[..passages.Count], sentences, examplesByPassage, cache.Embed(embedder, [.. examples.Unanswerable], EmbeddingKind.Query));
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
    /// Cosine of <paramref name="query"/> with the passage, with its closest sentence (and that sentence's index), and
    /// with the closest of the example questions it answers (0 when it has none).
    /// </summary>
    public (float Passage, float Sentence, int SentenceIndex, float Question) Similarity(int passageId, ReadOnlySpan<float> query)
    {
        var (best, index) = (-1f, -1);
        var sentences = _sentences[passageId];
        for (var i = 0; i < sentences.Length; i++)
        {
            var similarity = TensorPrimitives.Dot(sentences[i].Vector, query);
            (best, index) = similarity > best ? (similarity, i) : (best, index);
        }

        var question = 0f;
        foreach (var example in _examples[passageId])
        {
            question = Math.Max(question, TensorPrimitives.Dot(example, query));
        }

        return (TensorPrimitives.Dot(_passages[passageId], query), best, index, question);
    }
}
