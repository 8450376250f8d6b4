using Bot.Core.Analytics;

namespace Bot.Core.Tests.Analytics;

public sealed class AnalyticsCsvTests
{
    [Fact]
    public void Write_TextWithCommasQuotesAndNewlines_IsQuotedPerRfc4180()
    {
        var csv = AnalyticsCsv.Write([new AnalyticsEvent(new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero), "webchat", "c1", QuestionOutcome.Answered, "is it \"bad\", doctor?\nreally", 0.8125)]);

        Assert.Equal(AnalyticsCsv.Header + "\r\n2026-11-16T09:00:00.0000000Z,webchat,c1,Answered,\"is it \"\"bad\"\", doctor?\nreally\",0.813,,\r\n", csv);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")")]
    [InlineData("+1+1")]
    [InlineData("-2")]
    [InlineData("@SUM(A1)")]
    public void Write_CellThatLooksLikeAFormula_IsPrefixedSoSpreadsheetsShowItAsText(string question)
    {
        var csv = AnalyticsCsv.Write([new AnalyticsEvent(DateTimeOffset.UnixEpoch, null, null, QuestionOutcome.Declined, question)]);

        var cell = csv.Split("\r\n")[1].Split(",Declined,")[1];
        Assert.StartsWith("'" + question[0], cell.TrimStart('"'), StringComparison.Ordinal);
    }
}
