using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bot.Core.Schema;
using Bot.Knowledge.Answers;

namespace Bot.Core.Dialogs;

/// <summary>
/// Turns an <see cref="Answer"/> into a message activity the way each channel renders citations:
/// Teams (msteams): [n] markers and one schema.org Message entity with a Claim per citation;
/// Web Chat (webchat, directline): the same entity with <c>"@id": ""</c> plus reference-style Markdown link
/// definitions; any other channel: the sources written out as plain text. Corpus text is escaped before it
/// becomes Markdown, so a source can never inject markup.
/// </summary>
public static partial class ReplyRenderer
{
    private const int MaxNameLength = 80;
    private const int MaxAbstractLength = 160;

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
    public static string EscapeMarkdown(string text) =>
        Marker().Replace(Special().Replace(text, @"\$0"), "[$1]");

    private static JsonElement CitationEntity(IReadOnlyList<Citation> citations, bool webChat)
    {
        var claims = citations.Select(citation => new Dictionary<string, object?>
        {
            ["@type"] = "Claim",
            ["position"] = citation.N,
            ["appearance"] = new Dictionary<string, object?>
            {
                ["@type"] = "DigitalDocument",
                ["name"] = Cut(citation.Title, MaxNameLength),
                ["abstract"] = Cut(Collapse(citation.Snippet), MaxAbstractLength),
                ["url"] = citation.Url,
                ["text"] = webChat && citation.Url is null ? EscapeMarkdown(Collapse(citation.Snippet)) : null,
            }.Where(pair => pair.Value is not null).ToDictionary(),
        }).ToList();
        var entity = new Dictionary<string, object?>
        {
            ["type"] = "https://schema.org/Message",
            ["@type"] = "Message",
            ["@context"] = "https://schema.org",
            ["@id"] = webChat ? string.Empty : null,
            ["citation"] = claims,
        };
        return JsonSerializer.SerializeToElement(entity.Where(pair => pair.Value is not null).ToDictionary(), BotJson.Options);
    }

    private static string PlainSources(IReadOnlyList<Citation> citations) =>
        "Sources:\n" + string.Join('\n', citations.Select(citation =>
            $"[{citation.N}] {citation.Title}{(citation.Publisher is null ? string.Empty : ", " + citation.Publisher)}{(citation.Url is null ? string.Empty : " — " + citation.Url)}: “{Collapse(citation.Snippet)}”"));

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";

    private static string Collapse(string text) => WhiteSpace().Replace(text, " ").Trim();

    [GeneratedRegex(@"[\\`*_{}\[\]<>()#+\-!|~]")]
    private static partial Regex Special();

    [GeneratedRegex(@"\\\[(\d+)\\\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
