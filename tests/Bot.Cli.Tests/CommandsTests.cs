using Bot.Core.Analytics;
using Bot.Core.Dialogs;
using Bot.Core.State;
using Bot.Knowledge.Answers;
using System.Text.Json;

namespace Bot.Cli.Tests;

public sealed class CommandsTests
{
    [Fact]
    public void AskLines_SeveralQuestions_WritesOneJsonObjectPerLineWithExactKeys()
    {
        var input = new StringReader("what is sarcopenia\n\nhello\nwho won the world cup\n" + new string('x', Commands.MaxLineLength + 1) + "\n");
        var output = new StringWriter();
        var errors = new StringWriter();

        Commands.AskLines(Engine.Instance, input, output, errors);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        var first = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal(["question", "kind", "text", "citations", "confidence"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("answer", first.GetProperty("kind").GetString());
        Assert.Equal(["n", "sourceId", "title", "publisher", "url", "snippet", "start", "end"], first.GetProperty("citations")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("smalltalk", JsonDocument.Parse(lines[1]).RootElement.GetProperty("kind").GetString());
        Assert.Equal("decline", JsonDocument.Parse(lines[2]).RootElement.GetProperty("kind").GetString());
        Assert.Contains("line 5", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AskLines_ConversationObjects_AnswersTheQuestionAfterItsContextAndReportsBadObjects()
    {
        var input = new StringReader("""
            {"context": ["what is ALS"], "question": "what causes it?"}
            {"question": "what causes it?"}
            {"context": "what is ALS", "question": "what causes it?"}
            {"context": ["what is ALS"]}
            """);
        var output = new StringWriter();
        var errors = new StringWriter();

        Commands.AskLines(Engine.Instance, input, output, errors);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var followUp = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal("what causes it?", followUp.GetProperty("question").GetString());
        Assert.StartsWith("About ALS: ", followUp.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("Doctors do not know what causes ALS", followUp.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("About ALS", JsonDocument.Parse(lines[1]).RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("line 3", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("line 4", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_Conversation_ShowsNoticeOnceAndAnswersUntilQuit()
    {
        var output = new StringWriter();
        var bot = new MuscleWastingBot(Engine.Instance.Answers, new AnswerOptions(), new ClinicOptions(), new MemoryStorage(), new MemoryAnalyticsStore(), TimeProvider.System);

        await Commands.ChatAsync(bot, new StringReader("what is cachexia\ntell me more\nthanks\nquit\nnever read\n"), output);

        var text = output.ToString();
        Assert.Equal(1, CountOf(text, "not medical advice"));
        Assert.Contains("Cachexia is a complex metabolic condition", text, StringComparison.Ordinal);
        Assert.Contains("You're welcome", text, StringComparison.Ordinal);
        Assert.Contains("Sources:\n[1]", text, StringComparison.Ordinal);
        Assert.Contains("Tell me more", text, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;
}
