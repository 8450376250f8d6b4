using Bot.Knowledge;

namespace Bot.Cli;

/// <summary>The interactive and streaming commands.</summary>
internal static class Commands
{
    /// <summary>Longest accepted input line; longer lines are answered with an error on standard error.</summary>
    public const int MaxLineLength = 4_000;

    /// <summary>Answers each line of <paramref name="input"/> with one JSON line; bad lines are reported on <paramref name="errors"/>.</summary>
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

            output.WriteLine(AnswerLine.From(engine.Answers.Ask(line.Trim())).ToJson());
            output.Flush();
        }

        return 0;
    }

    /// <summary>A conversation in the terminal; the notice is shown once at the start.</summary>
    public static int Chat(KnowledgeBase engine, TextReader input, TextWriter output)
    {
        output.WriteLine(engine.Answers.Notice);
        output.WriteLine("Ask about muscle wasting; type 'quit' to leave.");
        while (true)
        {
            output.Write("> ");
            output.Flush();
            var line = input.ReadLine();
            if (line is null || line.Trim() is "quit" or "exit")
            {
                return 0;
            }

            if (line.Length > MaxLineLength)
            {
                output.WriteLine($"That message is too long; please keep it under {MaxLineLength} characters.");
                continue;
            }

            AnswerPrinter.Print(engine.Answers.Ask(line), output);
        }
    }
}
