namespace Bot.Knowledge.Semantic;

/// <summary>
/// Turns text into unit-length sentence vectors, so that the dot product of two vectors is their cosine similarity.
/// One instance per process: loading a model is slow and takes hundreds of megabytes. Implementations are safe to
/// call from many threads at once.
/// </summary>
public interface IEmbedder
{
    /// <summary>Names the model and its version; vectors computed by different models never mix.</summary>
    string ModelId { get; }

    /// <summary>The length of every vector.</summary>
    int Dimensions { get; }

    /// <summary>The whole words of the model's vocabulary, lower case: words it reads as themselves, not as pieces.</summary>
    IReadOnlySet<string> Words { get; }

    /// <summary>One unit vector per text, in order.</summary>
    float[][] Embed(IReadOnlyList<string> texts, EmbeddingKind kind, CancellationToken cancellationToken = default);
}
