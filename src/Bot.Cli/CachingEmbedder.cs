using System.Security.Cryptography;
using System.Text;
using Bot.Knowledge.Semantic;

namespace Bot.Cli;

/// <summary>
/// Keeps the vectors an embedder computed in a file, so that training again on mostly the same examples embeds only
/// the new ones. For the command line's training runs only; the file is keyed by the model.
/// </summary>
internal sealed class CachingEmbedder(IEmbedder inner) : IEmbedder
{
    private readonly Dictionary<string, float[]> _vectors = Load(PathFor(inner.ModelId), inner.Dimensions);

    public string ModelId => inner.ModelId;

    public int Dimensions => inner.Dimensions;

    public IReadOnlySet<string> Words => inner.Words;

    public float[][] Embed(IReadOnlyList<string> texts, EmbeddingKind kind, CancellationToken cancellationToken = default)
    {
        var keys = texts.Select(text => $"{kind}\n{text}").ToArray();
        var missing = Enumerable.Range(0, texts.Count).Where(i => !_vectors.ContainsKey(keys[i])).ToArray();
        if (missing.Length > 0)
        {
            var computed = inner.Embed([.. missing.Select(i => texts[i])], kind, cancellationToken);
            for (var i = 0; i < missing.Length; i++)
            {
                _vectors[keys[missing[i]]] = computed[i];
            }
        }

        return [.. keys.Select(key => _vectors[key])];
    }

    /// <summary>Writes every vector known so far.</summary>
    public void Save()
    {
        using var writer = new BinaryWriter(File.Create(PathFor(inner.ModelId)));
        foreach (var (key, vector) in _vectors)
        {
            writer.Write(key);
            foreach (var value in vector)
            {
                writer.Write(value);
            }
        }
    }

    private static string PathFor(string modelId) =>
        Path.Combine(Path.GetTempPath(), $"bot-vectors-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(modelId)))[..16]}.bin");

    private static Dictionary<string, float[]> Load(string path, int dimensions)
    {
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return vectors;
        }

        using var reader = new BinaryReader(File.OpenRead(path));
        while (reader.BaseStream.Position < reader.BaseStream.Length)
        {
            var key = reader.ReadString();
            var vector = new float[dimensions];
            for (var i = 0; i < dimensions; i++)
            {
                vector[i] = reader.ReadSingle();
            }

            vectors[key] = vector;
        }

        return vectors;
    }
}
