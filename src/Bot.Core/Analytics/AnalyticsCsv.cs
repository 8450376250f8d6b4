using System.Globalization;
using System.Text;

namespace Bot.Core.Analytics;

/// <summary>
/// Events as CSV (RFC 4180: comma-separated, CRLF, quotes doubled). Cells that a spreadsheet would run as a
/// formula (starting with = + - @, tab or CR) are prefixed with an apostrophe, since the text is the users'.
/// </summary>
public static class AnalyticsCsv
{
    /// <summary>The header row.</summary>
    public const string Header = "at,channel,conversation,outcome,question,confidence,answer,comment";

    /// <summary>The CSV for <paramref name="events"/>, header first.</summary>
    public static string Write(IEnumerable<AnalyticsEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var recorded in events)
        {
            csv.AppendJoin(',',
                Cell(recorded.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
                Cell(recorded.ChannelId),
                Cell(recorded.ConversationId),
                Cell(recorded.Outcome.ToString()),
                Cell(recorded.Question),
                Cell(recorded.Confidence?.ToString("0.###", CultureInfo.InvariantCulture)),
                Cell(recorded.Answer),
                Cell(recorded.Comment)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
