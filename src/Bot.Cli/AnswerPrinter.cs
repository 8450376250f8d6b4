using Bot.Knowledge.Answers;

namespace Bot.Cli;

/// <summary>Writes an answer for a person reading a terminal.</summary>
internal static class AnswerPrinter
{
    public static void Print(Answer answer, TextWriter writer)
    {
        writer.WriteLine(answer.Text);
        foreach (var citation in answer.Citations)
        {
            var publisher = citation.Publisher is null ? string.Empty : $", {citation.Publisher}";
            var url = citation.Url is null ? string.Empty : $" <{citation.Url}>";
            writer.WriteLine($"  [{citation.N}] {citation.Title}{publisher}{url} (characters {citation.Start}-{citation.End})");
        }

        if (answer.FollowUps.Count > 0)
        {
            writer.WriteLine($"  Related: {string.Join(" · ", answer.FollowUps)}");
        }
    }
}
