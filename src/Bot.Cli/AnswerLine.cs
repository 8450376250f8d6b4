using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Knowledge.Answers;

namespace Bot.Cli;

/// <summary>The JSON line <c>ask --jsonl</c> writes for each question.</summary>
internal sealed record AnswerLine(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("citations")] IReadOnlyList<CitationLine> Citations,
    [property: JsonPropertyName("confidence")] double Confidence)
{
    public static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static AnswerLine From(Answer answer) => new(
        answer.Question,
        KindName(answer.Kind),
        answer.Text,
        answer.Citations.Select(c => new CitationLine(c.N, c.SourceId, c.Title, c.Publisher, c.Url, c.Snippet, c.Start, c.End)).ToArray(),
        answer.Confidence);

    public static string KindName(AnswerKind kind) => kind switch
    {
        AnswerKind.Answer => "answer",
        AnswerKind.Decline => "decline",
        AnswerKind.Emergency => "emergency",
        _ => "smalltalk",
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}

/// <summary>One citation in an <see cref="AnswerLine"/>.</summary>
internal sealed record CitationLine(
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("sourceId")] string SourceId,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("publisher")] string? Publisher,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("snippet")] string Snippet,
    [property: JsonPropertyName("start")] int Start,
    [property: JsonPropertyName("end")] int End);
