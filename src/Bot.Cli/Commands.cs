using System.Text.Json;
using Bot.Core.Schema;
using Bot.Core.Turns;
using Bot.Knowledge;

namespace Bot.Cli;

/// <summary>The interactive and streaming commands.</summary>
internal static class Commands
{
    /// <summary>Longest accepted input line; longer lines are answered with an error on standard error.</summary>
    public const int MaxLineLength = 4_000;

    /// <summary>
    /// Answers each line of <paramref name="input"/> with one JSON line; bad lines are reported on
    /// <paramref name="errors"/>. A line is a question, or a JSON object <c>{"context": [...], "question": "..."}</c>:
    /// the context messages are answered first in one fresh conversation and only the answer to the question is written.
    /// </summary>
    public static int AskLines(KnowledgeBase engine, TextReader input, TextWriter output, TextWriter errors)
    {
        var lineNumber = 0;
        while (input.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (line.Length > MaxLineLength)
            {
                errors.WriteLine($"line {lineNumber}: longer than {MaxLineLength} characters, skipped");
                continue;
            }

            var trimmed = line.Trim();
            if (!trimmed.StartsWith('{'))
            {
                output.WriteLine(AnswerLine.From(engine.Answers.Ask(trimmed)).ToJson());
            }
            else if (ReadConversation(trimmed) is { } conversation)
            {
                output.WriteLine(AnswerLine.From(Evaluator.Converse(engine.Answers, conversation.Context ?? [], conversation.Question!)).ToJson());
            }
            else
            {
                errors.WriteLine($"line {lineNumber}: not a JSON object with a string \"question\" and an optional array of strings \"context\", skipped");
                continue;
            }

            output.Flush();
        }

        return 0;
    }

    private static ConversationLine? ReadConversation(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<ConversationLine>(line) is { Question: not null } conversation && conversation.Context?.All(message => message is not null) != false ? conversation : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A conversation in the terminal; the notice is shown once at the start.</summary>
    public static async Task<int> ChatAsync(IBot bot, TextReader input, TextWriter output)
    {
        var conversation = new ConversationAccount { Id = $"cli-{Guid.NewGuid():N}" };
        var (user, me) = (new ChannelAccount { Id = "user", Role = "user" }, new ChannelAccount { Id = "bot", Role = "bot" });
        await TurnAsync(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [user] });
        output.WriteLine("(type 'quit' to leave)");
        while (true)
        {
            output.Write("> ");
            await output.FlushAsync();
            var line = await input.ReadLineAsync();
            if (line is null || line.Trim() is "quit" or "exit")
            {
                return 0;
            }

            if (line.Length > MaxLineLength)
            {
                output.WriteLine($"That message is too long; please keep it under {MaxLineLength} characters.");
                continue;
            }

            await TurnAsync(new Activity { Type = ActivityTypes.Message, Id = Guid.NewGuid().ToString("N"), Text = line });
        }

        async Task TurnAsync(Activity activity)
        {
            activity.ChannelId = "cli";
            activity.Conversation = conversation;
            activity.From = user;
            activity.Recipient = me;
            var sender = new BufferedSender();
            await bot.OnTurnAsync(new TurnContext(activity, sender), CancellationToken.None);
            foreach (var reply in sender.Activities)
            {
                output.WriteLine(reply.Text);
                if (reply.SuggestedActions is { Actions.Count: > 0 } actions)
                {
                    output.WriteLine("  (" + string.Join(" · ", actions.Actions.Select(action => action.Title)) + ")");
                }

                output.WriteLine();
            }
        }
    }
}
