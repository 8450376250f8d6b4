using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Bot.Knowledge.Semantic;

/// <summary>
/// Vectors already computed, keyed by the model and a hash of the text, so a restart (or a reload that changed one
/// file) embeds only what is new. Kept in memory for the process (every host in a test run shares them, whatever its
/// folder) and, given a folder, in one file per model there (<c>vectors-&lt;model hash&gt;.bin</c>), rewritten whole when it grows.
/// </summary>
public sealed class VectorCache
{
    private static readonly ConcurrentDictionary<string, VectorCache> Caches = new(StringComparer.Ordinal);

    /// <summary>Every vector the process knows, per model: hosts with different data folders share them.</summary>
    private static readonly ConcurrentDictionary<string, ConcurrentDictionary<string, float[]>> Known = new(StringComparer.Ordinal);

    /// <summary>The keys this process has asked for, per model (what <see cref="WriteUsed"/> writes).</summary>
    private static readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> Used = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, float[]> _vectors;
    private readonly ConcurrentDictionary<string, byte> _used;
    private readonly Lock _fileLock = new();
    private readonly string? _path;
    private readonly int _dimensions;
    private int _saved;

    private VectorCache(string? path, int dimensions, ConcurrentDictionary<string, float[]> vectors, ConcurrentDictionary<string, byte> used)
    {
        _vectors = vectors;
        _used = used;
        _path = path;
        _dimensions = dimensions;
        if (path is not null && File.Exists(path))
        {
            Read(path);
        }

        _saved = _vectors.Count;
    }

    /// <summary>The cache for <paramref name="embedder"/>'s model in <paramref name="directory"/> (memory only when null).</summary>
    public static VectorCache For(IEmbedder embedder, string? directory)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        var model = ModelKey(embedder);
        var path = directory is null ? null : Path.Combine(Path.GetFullPath(directory), $"vectors-{model}.bin");
        var known = Known.GetOrAdd(model, _ => Shipped(embedder));
        return Caches.GetOrAdd(path ?? $"memory:{model}", _ => new VectorCache(path, embedder.Dimensions, known, Used.GetOrAdd(model, _ => new(StringComparer.Ordinal))));
    }

    /// <summary>A cache in memory holding only the shipped vectors, shared with nothing (tests that the shipped file is fresh).</summary>
    internal static VectorCache ShippedOnly(IEmbedder embedder) => new(null, embedder.Dimensions, Shipped(embedder), new(StringComparer.Ordinal));

    private static string ModelKey(IEmbedder embedder) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(embedder.ModelId)))[..16];

    /// <summary>The shipped corpus's vectors (CorpusVectors.bin, written by <c>bot embed-corpus</c>) when they belong to <paramref name="embedder"/>'s model.</summary>
    public const string ShippedResource = "Bot.Knowledge.Semantic.CorpusVectors.bin";

    /// <summary>
    /// Writes the vectors this process has asked for with <paramref name="embedder"/>'s model (after loading the corpus:
    /// exactly the corpus's, none of the texts an edit removed), headed by the model's id, as <c>CorpusVectors.bin</c> holds them.
    /// </summary>
    public static void WriteUsed(IEmbedder embedder, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        var model = ModelKey(embedder);
        var used = Used.GetValueOrDefault(model, new ConcurrentDictionary<string, byte>());
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(embedder.ModelId);
        foreach (var (key, vector) in Known.GetValueOrDefault(model, new ConcurrentDictionary<string, float[]>()).Where(entry => used.ContainsKey(entry.Key)).OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            writer.Write(key);
            foreach (var value in vector)
            {
                writer.Write(value);
            }
        }
    }

    /// <summary>How many vectors the cache holds.</summary>
    internal int Count => _vectors.Count;

    /// <summary>A cache over <paramref name="path"/> of its own, not shared with the process (tests of the file).</summary>
    internal static VectorCache Open(string? path, int dimensions) => new(path, dimensions, new ConcurrentDictionary<string, float[]>(StringComparer.Ordinal), new(StringComparer.Ordinal));

    /// <summary>The vectors of <paramref name="texts"/>, embedding (in batches) only those not seen before, then saving.</summary>
    public float[][] Embed(IEmbedder embedder, IReadOnlyList<string> texts, EmbeddingKind kind)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(texts);
        var keys = texts.Select(text => Key(kind, text)).ToArray();
        foreach (var key in keys)
        {
            _used.TryAdd(key, 0);
        }

        lock (EmbeddingLock)
        {
            EmbedMissing(embedder, texts, kind, keys);
        }

        return [.. keys.Select(key => _vectors[key])];
    }

    /// <summary>Hosts starting together embed what is missing once, one after another, instead of all at once.</summary>
    private static readonly Lock EmbeddingLock = new();

    private void EmbedMissing(IEmbedder embedder, IReadOnlyList<string> texts, EmbeddingKind kind, string[] keys)
    {
        var missing = Enumerable.Range(0, texts.Count).Where(i => !_vectors.ContainsKey(keys[i])).DistinctBy(i => keys[i]).ToArray();
        foreach (var batch in missing.Chunk(32))
        {
            var vectors = embedder.Embed([.. batch.Select(i => texts[i])], kind);
            for (var i = 0; i < batch.Length; i++)
            {
                _vectors[keys[batch[i]]] = vectors[i];
            }
        }

        if (missing.Length > 0 || _vectors.Count != _saved)
        {
            Save();
        }
    }

    /// <summary>
    /// The vectors shipped with the assembly for the repository's corpus, so a fresh process (a replica, a test host, a
    /// first start) embeds only what changed since they were written; empty for another model.
    /// </summary>
    private static ConcurrentDictionary<string, float[]> Shipped(IEmbedder embedder)
    {
        var vectors = new ConcurrentDictionary<string, float[]>(StringComparer.Ordinal);
        using var stream = typeof(VectorCache).Assembly.GetManifestResourceStream(ShippedResource);
        if (stream is null)
        {
            return vectors;
        }

        using var reader = new BinaryReader(stream);
        if (reader.ReadString() != embedder.ModelId)
        {
            return vectors;
        }

        while (reader.BaseStream.Position < reader.BaseStream.Length)
        {
            var key = reader.ReadString();
            var vector = new float[embedder.Dimensions];
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] = reader.ReadSingle();
            }

            vectors[key] = vector;
        }

        return vectors;
    }

    private static string Key(EmbeddingKind kind, string text) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}\n{text}")));

    private void Save()
    {
        if (_path is null)
        {
            return;
        }

        lock (_fileLock)
        {
            if (_vectors.Count == _saved)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            var temporary = _path + ".tmp";
            using (var writer = new BinaryWriter(File.Create(temporary)))
            {
                foreach (var (key, vector) in _vectors)
                {
                    writer.Write(key);
                    foreach (var value in vector)
                    {
                        writer.Write(value);
                    }
                }
            }

            File.Move(temporary, _path, overwrite: true);
            _saved = _vectors.Count;
        }
    }

    private void Read(string path)
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            while (reader.BaseStream.Position < reader.BaseStream.Length)
            {
                var key = reader.ReadString();
                var vector = new float[_dimensions];
                for (var i = 0; i < _dimensions; i++)
                {
                    vector[i] = reader.ReadSingle();
                }

                _vectors[key] = vector;
            }
        }
        catch (EndOfStreamException)
        {
            // A file cut short (a crash while writing an older version) loses only its tail: those vectors are computed again.
        }
    }
}
