using System.Text.Json;
using Bot.Core.Schema;
using Bot.Core.Dialogs;
using Bot.Knowledge.Answers;

namespace Bot.Core.Tests.Dialogs;

public sealed class ReplyRendererTests
{
    private static readonly Answer Answer = new(
        "q",
        AnswerKind.Answer,
        "Muscles <b>waste</b> [see *notes*] fast. [1]",
        [new Citation(1, "s", "Notes", "Clinic", null, "Muscles <b>waste</b> [see *notes*] fast.", 0, 41, null)],
        0.9,
        []);

    [Fact]
    public void EscapeMarkdown_CorpusMarkup_IsEscapedButMarkersStay()
    {
        Assert.Equal(@"Muscles \<b\>waste\</b\> \[see \*notes\*\] fast. [1]", ReplyRenderer.EscapeMarkdown(Answer.Text));
    }

    [Fact]
    public void Render_WebChatCitationWithoutUrl_UsesCiteSchemeAndModalText()
    {
        var activity = ReplyRenderer.Render(Answer, "webchat");

        Assert.EndsWith("[1]: cite:1 \"Notes\"", activity.Text, StringComparison.Ordinal);
        var entity = JsonSerializer.SerializeToElement(activity.Entities![0], BotJson.Options);
        var appearance = entity.GetProperty("citation")[0].GetProperty("appearance");
        Assert.Equal("Notes", appearance.GetProperty("name").GetString());
        Assert.False(appearance.TryGetProperty("url", out _));
        Assert.Contains(@"\<b\>", appearance.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnknownChannel_WritesSourcesAsPlainText()
    {
        var activity = ReplyRenderer.Render(Answer, "slack");

        Assert.Equal("plain", activity.TextFormat);
        Assert.Null(activity.Entities);
        Assert.Contains("Sources:\n[1] Notes, Clinic: “Muscles <b>waste</b> [see *notes*] fast.”", activity.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_RenderedReplyAloneAndInExpectedReplies_WritesTheCitationEntity()
    {
        var activity = ReplyRenderer.Render(Answer, "msteams");

        Assert.Contains("\"@type\":\"Claim\"", JsonSerializer.Serialize(activity, BotJson.Options), StringComparison.Ordinal);
        Assert.Contains("\"@type\":\"Claim\"", JsonSerializer.Serialize(new ExpectedReplies([activity]), BotJson.Options), StringComparison.Ordinal);
    }
}
