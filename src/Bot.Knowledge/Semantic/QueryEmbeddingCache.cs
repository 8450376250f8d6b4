using Microsoft.Extensions.Caching.Memory;

namespace Bot.Knowledge.Semantic;

/// <summary>
/// Remembers the vectors of the last questions asked (FAQ traffic repeats: "what is sarcopenia" many times a day), so a
/// repeated question skips the model, the costliest step of an answer. Only <see cref="EmbeddingKind.Query"/> texts
/// are kept, keyed by <see cref="Normalize"/>d text and embedded in that form, so a vector depends on the key alone
/// whichever variant came first; passages go straight to the model. A question's vector depends only on the model, not
/// on the corpus, so nothing needs invalidating when the corpus reloads. Bounded by <c>capacity</c> entries; when full,
/// the least recently used are compacted away.
/// </summary>
public sealed class QueryEmbeddingCache : IEmbedder, IDisposable
{
    /// <summary>Questions kept by default: about 15 MB of 384-dimension vectors.</summary>
    public const int DefaultCapacity = 10_000;

    private readonly IEmbedder _inner;
    private readonly MemoryCache _vectors;

    /// <summary>Caches <paramref name="inner"/>'s query vectors, at most <paramref name="capacity"/> of them.</summary>
    public QueryEmbeddingCache(IEmbedder inner, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _inner = inner;
        _vectors = new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity });
    }

    /// <inheritdoc/>
    public string ModelId => _inner.ModelId;

    /// <inheritdoc/>
    public int Dimensions => _inner.Dimensions;

    /// <inheritdoc/>
    public IReadOnlySet<string> Words => _inner.Words;

    /// <summary>Questions held now (compaction after the bound is reached runs in the background).</summary>
    public int Count => _vectors.Count;

    /// <inheritdoc/>
    public float[][] Embed(IReadOnlyList<string> texts, EmbeddingKind kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (kind != EmbeddingKind.Query)
        {
            return _inner.Embed(texts, kind, cancellationToken);
        }

        var keys = texts.Select(Normalize).ToArray();
        var vectors = new float[keys.Length][];
        var missing = new List<int>();
        for (var i = 0; i < keys.Length; i++)
        {
            if (_vectors.TryGetValue(keys[i], out float[]? vector) && vector is not null)
            {
                vectors[i] = vector;
            }
            else
            {
                missing.Add(i);
            }
        }

        if (missing.Count > 0)
        {
            var computed = _inner.Embed([.. missing.Select(i => keys[i])], kind, cancellationToken);
            for (var j = 0; j < missing.Count; j++)
            {
                vectors[missing[j]] = computed[j];
                _vectors.Set(keys[missing[j]], computed[j], new MemoryCacheEntryOptions { Size = 1 });
            }
        }

        return vectors;
    }

    /// <summary>
    /// The question as the model reads it: lower case, runs of white space as one space, trimmed. MiniLM is an uncased
    /// model whose tokenizer lower-cases and splits at white space, so the normalised text has the same vector as the
    /// original (a test checks it against the real model); punctuation and words stay, since they change the vector.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <inheritdoc/>
    public void Dispose() => _vectors.Dispose();
}
