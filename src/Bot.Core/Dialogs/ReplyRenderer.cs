using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Core.Schema;
using Bot.Knowledge.Answers;
using Bot.Knowledge.Corpus;

namespace Bot.Core.Dialogs;

/// <summary>
/// Turns an <see cref="Answer"/> into a message activity the way each channel renders citations:
/// Teams (msteams): [n] markers and one schema.org Message entity with a Claim per citation;
/// Web Chat (webchat, directline): the same entity with <c>"@id": ""</c> plus reference-style Markdown link
/// definitions; any other channel: the sources written out as plain text. Corpus text is escaped before it
/// becomes Markdown, so a source can never inject markup.
/// </summary>
public static class ReplyRenderer
{
    private const int MaxNameLength = 80;
    private const int MaxAbstractLength = 160;
    private static readonly System.Buffers.SearchValues<char> MarkdownSpecial = System.Buffers.SearchValues.Create("\\`*_{}[]<>()#+-!|~");

    /// <summary>The message for <paramref name="answer"/> on <paramref name="channelId"/>.</summary>
    public static Activity Render(Answer answer, string? channelId)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var style = Style(channelId);
        var activity = new Activity { Type = ActivityTypes.Message, InputHint = "acceptingInput" };
        if (answer.Citations.Count == 0 || style == CitationStyle.PlainText)
        {
            activity.Text = answer.Citations.Count == 0 ? answer.Text : answer.Text + "\n\n" + PlainSources(answer.Citations);
            activity.TextFormat = "plain";
            return activity;
        }

        var text = new StringBuilder(EscapeMarkdown(answer.Text));
        if (style == CitationStyle.WebChat)
        {
            text.Append('\n');
            foreach (var citation in answer.Citations)
            {
                var target = citation.Url ?? $"cite:{citation.N}";
                text.Append('\n').Append($"[{citation.N}]: {target} \"{citation.Title.Replace("\"", "'", StringComparison.Ordinal)}\"");
            }
        }

        activity.Text = text.ToString();
        activity.TextFormat = "markdown";
        activity.Entities = [CitationEntity(answer.Citations, style == CitationStyle.WebChat)];
        return activity;
    }

    /// <summary>How <paramref name="channelId"/> shows citations.</summary>
    public static CitationStyle Style(string? channelId) => channelId switch
    {
        "msteams" => CitationStyle.Teams,
        "webchat" or "directline" => CitationStyle.WebChat,
        _ => CitationStyle.PlainText,
    };

    /// <summary>Backslash-escapes Markdown's special characters, keeping the answer's own [n] markers.</summary>
    public static string EscapeMarkdown(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '[' && MarkerLength(text, i) is > 0 and var length)
            {
                escaped.Append(text, i, length);
                i += length - 1;
                continue;
            }

            if (MarkdownSpecial.Contains(text[i]))
            {
                escaped.Append('\\');
            }

            escaped.Append(text[i]);
        }

        return escaped.ToString();
    }

    private static MessageEntity CitationEntity(IReadOnlyList<Citation> citations, bool webChat)
    {
        var claims = new List<Claim>(citations.Count);
        foreach (var citation in citations)
        {
            var snippet = WhiteSpace.Collapse(citation.Snippet);
            var modalText = webChat && citation.Url is null ? EscapeMarkdown(snippet) : null;
            claims.Add(new Claim(citation.N, new Appearance(Cut(citation.Title, MaxNameLength), Cut(snippet, MaxAbstractLength), citation.Url, modalText)));
        }

        return new MessageEntity(webChat ? string.Empty : null, claims);
    }

    private static string PlainSources(IReadOnlyList<Citation> citations) =>
        "Sources:\n" + string.Join('\n', citations.Select(citation =>
            $"[{citation.N}] {citation.Title}{(citation.Publisher is null ? string.Empty : ", " + citation.Publisher)}{(citation.Url is null ? string.Empty : " — " + citation.Url)}: “{WhiteSpace.Collapse(citation.Snippet)}”"));

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";

    /// <summary>The length of a citation marker such as "[12]" at <paramref name="start"/>, or 0.</summary>
    private static int MarkerLength(string text, int start)
    {
        var i = start + 1;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i > start + 1 && i < text.Length && text[i] == ']' ? i - start + 1 : 0;
    }


    private sealed record MessageEntity(
        [property: JsonPropertyName("@id")] string? Id,
        [property: JsonPropertyName("citation")] IReadOnlyList<Claim> Citation)
    {
        [JsonPropertyName("type")]
        public string Type { get; init; } = "https://schema.org/Message";

        [JsonPropertyName("@type")]
        public string SchemaType { get; init; } = "Message";

        [JsonPropertyName("@context")]
        public string Context { get; init; } = "https://schema.org";
    }

    private sealed record Claim([property: JsonPropertyName("position")] int Position, [property: JsonPropertyName("appearance")] Appearance Appearance)
    {
        [JsonPropertyName("@type")]
        public string SchemaType { get; init; } = "Claim";
    }

    private sealed record Appearance(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("abstract")] string Abstract,
        [property: JsonPropertyName("url")] string? Url,
        [property: JsonPropertyName("text")] string? Text)
    {
        [JsonPropertyName("@type")]
        public string SchemaType { get; init; } = "DigitalDocument";
    }
}
