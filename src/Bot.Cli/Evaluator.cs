using System.Text;
using System.Text.Json;
using Bot.Knowledge.Answers;
using Bot.Knowledge.Understanding;

namespace Bot.Cli;

/// <summary>
/// Scores labelled questions: right when the kind matches (for <c>not_emergency</c>: when the reply is not emergency
/// guidance) and, for answers, the answer text or the first
/// citation's snippet contains one of the expected phrases, both normalised (lower case, ’ as ', every run of
/// characters other than a–z, 0–9 and % as one space).
/// </summary>
internal static class Evaluator
{
    /// <summary>The kind of a message that only mentions alarming things: right when it gets anything but emergency guidance.</summary>
    public const string NotEmergency = "not_emergency";

    /// <summary>
    /// The style of each case (id → style) from the <c>NAME-styles.tsv</c> beside <c>NAME.jsonl</c>, whose first line is a
    /// header and whose rows are id, expected kind, style; empty when there is no such file.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ReadStyles(string path)
    {
        var styles = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", Path.GetFileNameWithoutExtension(path) + "-styles.tsv");
        return File.Exists(styles)
            ? File.ReadLines(styles).Skip(1).Select(line => line.Split('\t')).Where(cells => cells.Length >= 3).ToDictionary(cells => cells[0], cells => cells[2])
            : new Dictionary<string, string>();
    }

    /// <summary>Reads an evaluation file: one <see cref="EvalCase"/> a line, blank lines skipped.</summary>
    public static IReadOnlyList<EvalCase> Read(string path) =>
        File.ReadLines(path)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select((line, index) => JsonSerializer.Deserialize<EvalCase>(line) ?? throw new InvalidDataException($"{path}:{index + 1} is empty"))
            .ToArray();

    /// <summary>Answers every case (after its context, in a fresh conversation of its own) and scores it.</summary>
    public static EvalReport Run(IEnumerable<EvalCase> cases, AnswerService service) =>
        new(cases.Select(evalCase => Score(evalCase, Converse(service, evalCase.Context ?? [], evalCase.Question))).ToArray());

    /// <summary>
    /// The answer to <paramref name="question"/> after <paramref name="context"/> in one fresh conversation, the topic
    /// carried from message to message as the dialog carries it.
    /// </summary>
    public static Answer Converse(AnswerService service, IReadOnlyList<string> context, string question)
    {
        ConversationTopic? topic = null;
        foreach (var message in context)
        {
            topic = service.Ask(message, topic, new HashSet<int>()).Topic;
        }

        return service.Ask(question, topic, new HashSet<int>()).Answer;
    }

    /// <summary>Whether <paramref name="answer"/> is right for <paramref name="evalCase"/>.</summary>
    public static EvalOutcome Score(EvalCase evalCase, Answer answer)
    {
        var kind = AnswerLine.KindName(answer.Kind);
        var right = evalCase.Expect == NotEmergency ? answer.Kind != AnswerKind.Emergency : kind == evalCase.Expect;
        if (right && evalCase.Expect == "answer" && evalCase.ContainsAny is { Count: > 0 } phrases)
        {
            var text = Normalise(answer.Text);
            var snippet = answer.Citations.Count > 0 ? Normalise(answer.Citations[0].Snippet) : string.Empty;
            right = phrases.Select(Normalise).Any(phrase => text.Contains(phrase, StringComparison.Ordinal) || snippet.Contains(phrase, StringComparison.Ordinal));
        }

        return new EvalOutcome(evalCase, answer, right);
    }

    /// <summary>Lower case, ’ as ', and every run of characters other than a–z, 0–9 and % as one space.</summary>
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.ToLowerInvariant().Replace('\u2019', '\''))
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '%')
            {
                builder.Append(c);
                space = false;
            }
            else if (!space)
            {
                builder.Append(' ');
                space = true;
            }
        }

        return builder.ToString().Trim();
    }
}

/// <summary>One scored case.</summary>
internal sealed record EvalOutcome(EvalCase Case, Answer Answer, bool Right);

/// <summary>All scored cases, with accuracy per expected kind.</summary>
internal sealed record EvalReport(IReadOnlyList<EvalOutcome> Outcomes)
{
    public IEnumerable<(string Kind, int Right, int Total)> ByKind() =>
        Outcomes.GroupBy(outcome => outcome.Case.Expect)
            .Select(group => (group.Key, group.Count(outcome => outcome.Right), group.Count()));

    /// <summary>Accuracy per style, for the cases <paramref name="styles"/> names.</summary>
    public IEnumerable<(string Style, int Right, int Total)> ByStyle(IReadOnlyDictionary<string, string> styles) =>
        Outcomes.Where(outcome => styles.ContainsKey(outcome.Case.Id))
            .GroupBy(outcome => styles[outcome.Case.Id])
            .Select(group => (group.Key, group.Count(outcome => outcome.Right), group.Count()));

    public int Right => Outcomes.Count(outcome => outcome.Right);

    public void Print(TextWriter writer, IReadOnlyDictionary<string, string> styles)
    {
        foreach (var (kind, right, total) in ByKind())
        {
            writer.WriteLine($"{kind,-14} {right,3}/{total,-3} {100.0 * right / total,5:0.0}%");
        }

        writer.WriteLine($"{"all",-14} {Right,3}/{Outcomes.Count,-3} {100.0 * Right / Math.Max(1, Outcomes.Count),5:0.0}%");
        if (styles.Count > 0)
        {
            writer.WriteLine();
            foreach (var (style, right, total) in ByStyle(styles).OrderBy(row => row.Style, StringComparer.Ordinal))
            {
                writer.WriteLine($"style {style,-8} {right,3}/{total,-3} {100.0 * right / total,5:0.0}%");
            }
        }

        foreach (var miss in Outcomes.Where(outcome => !outcome.Right))
        {
            writer.WriteLine();
            writer.WriteLine($"MISS {miss.Case.Id} expected {miss.Case.Expect}, got {AnswerLine.KindName(miss.Answer.Kind)} ({miss.Answer.Confidence:0.00}): {miss.Case.Question}");
            writer.WriteLine($"     {miss.Answer.Text}");
        }
    }
}
