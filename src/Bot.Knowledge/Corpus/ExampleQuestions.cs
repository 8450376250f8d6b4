using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Knowledge.Corpus;

/// <summary>
/// Questions people would ask of a passage, written from the passage's own content (corpus/passage-questions.jsonl:
/// one <c>{"source", "anchor", "questions"}</c> a line, the anchor being the passage's first 80 characters), matched
/// question to question: a small sentence model compares a patient's question with another question far better
/// than with a paragraph. A passage whose text changed no longer matches its anchor and simply has no examples.
/// </summary>
public sealed class ExampleQuestions
{
    /// <summary>The file's name in the corpus folder.</summary>
    public const string FileName = "passage-questions.jsonl";

    /// <summary>Characters of a passage's start that identify it.</summary>
    public const int AnchorLength = 80;

    private readonly Dictionary<(string Source, string Anchor), string[]> _questions;

    private ExampleQuestions(Dictionary<(string Source, string Anchor), string[]> questions) => _questions = questions;

    /// <summary>No examples.</summary>
    public static ExampleQuestions None { get; } = new([]);

    /// <summary>The examples in <paramref name="corpusDirectory"/>'s file; none when there is no file.</summary>
    public static ExampleQuestions Load(string corpusDirectory)
    {
        var path = Path.Combine(corpusDirectory, FileName);
        if (!File.Exists(path))
        {
            return None;
        }

        var questions = new Dictionary<(string, string), string[]>();
        foreach (var (line, index) in File.ReadLines(path).Select((line, index) => (line, index)).Where(entry => !string.IsNullOrWhiteSpace(entry.line)))
        {
            var entry = JsonSerializer.Deserialize<Entry>(line) ?? throw new InvalidDataException($"{path}:{index + 1} is empty");
            questions[(entry.Source, entry.Anchor)] = [.. entry.Questions.Where(question => !string.IsNullOrWhiteSpace(question))];
        }

        return new ExampleQuestions(questions);
    }

    /// <summary>The example questions <paramref name="passage"/> answers.</summary>
    public IReadOnlyList<string> For(Passage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        var anchor = passage.Text.Length > AnchorLength ? passage.Text[..AnchorLength] : passage.Text;
        return _questions.GetValueOrDefault((passage.SourceId, anchor), []);
    }

    private sealed record Entry(
        [property: JsonPropertyName("source")] string Source,
        [property: JsonPropertyName("anchor")] string Anchor,
        [property: JsonPropertyName("questions")] string[] Questions);
}
