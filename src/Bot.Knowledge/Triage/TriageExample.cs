using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Knowledge.Triage;

/// <summary>One labelled message the triage model learns from: <c>{"text": …, "label": …, "style": …}</c>, one a line.</summary>
/// <param name="Text">The message.</param>
/// <param name="Label"><c>emergency:&lt;category&gt;</c>, <c>safe:&lt;category&gt;</c> (a near miss), <c>smalltalk:&lt;intent&gt;</c> or <c>question</c>.</param>
/// <param name="Style">How it is written (plain, typo, long, …), for per-style figures.</param>
public sealed record TriageExample(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("style")] string? Style)
{
    /// <summary>Every example in the <c>*.jsonl</c> files of <paramref name="directory"/>, files in name order.</summary>
    public static IReadOnlyList<TriageExample> ReadDirectory(string directory) =>
        [.. Files(directory).SelectMany(path => File.ReadLines(path)
            .Select((line, index) => (line, index))
            .Where(entry => !string.IsNullOrWhiteSpace(entry.line))
            .Select(entry => JsonSerializer.Deserialize<TriageExample>(entry.line) is { Text.Length: > 0, Label.Length: > 0 } example
                ? example
                : throw new InvalidDataException($"{path}:{entry.index + 1} needs a text and a label")))];

    /// <summary>A SHA-256 of the example files' bytes, in name order: what a trained model records it learned from.</summary>
    public static string Hash(string directory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in Files(directory))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(path) + "\n"));
            hash.AppendData(File.ReadAllBytes(path));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static IEnumerable<string> Files(string directory) =>
        Directory.EnumerateFiles(directory, "*.jsonl").Order(StringComparer.Ordinal);
}
