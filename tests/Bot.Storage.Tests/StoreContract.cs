using System.Text.Json;
using Bot.Core.Analytics;
using Bot.Core.Schema;
using Bot.Core.State;

namespace Bot.Storage.Tests;

/// <summary>What every backend must do; each backend's test class runs all of it.</summary>
public abstract class StoreContract
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A fresh, empty set of stores.</summary>
    protected abstract Task<Stores> NewAsync();

    [Fact]
    public async Task State_WrittenThenOverwritten_ReadsTheLatestAndMissingKeysReadDefault()
    {
        var stores = await NewAsync();

        await stores.State.WriteAsync("conversation/a", new ConversationState { LastQuestion = "first" }, CancellationToken.None);
        await stores.State.WriteAsync("conversation/a", new ConversationState { LastQuestion = "second", Seen = [1, 2] }, CancellationToken.None);

        var read = await stores.State.ReadAsync<ConversationState>("conversation/a", CancellationToken.None);
        Assert.Equal("second", read!.LastQuestion);
        Assert.Equal([1, 2], read.Seen);
        Assert.Null(await stores.State.ReadAsync<ConversationState>("conversation/b", CancellationToken.None));
    }

    [Fact]
    public async Task Create_SameConversationTwice_IsNewOnlyTheFirstTime()
    {
        var stores = await NewAsync();

        Assert.True(await stores.Transcripts.CreateAsync("c1", "u1", CancellationToken.None));
        Assert.False(await stores.Transcripts.CreateAsync("c1", "u1", CancellationToken.None));
        Assert.True(await stores.Transcripts.ExistsAsync("c1", CancellationToken.None));
        Assert.False(await stores.Transcripts.ExistsAsync("c2", CancellationToken.None));
    }

    [Fact]
    public async Task Append_ThreeActivities_NumbersThemAndReadsFromAnyWatermark()
    {
        var stores = await NewAsync();
        await stores.Transcripts.CreateAsync("c1", "u1", CancellationToken.None);

        var ids = new List<string>();
        foreach (var text in new[] { "a", "b", "c" })
        {
            ids.Add((await stores.Transcripts.AppendAsync("c1", Message(text), null, CancellationToken.None)).Id);
        }

        Assert.Equal(["c1|0000000", "c1|0000001", "c1|0000002"], ids);
        var all = await stores.Transcripts.ReadAsync("c1", -1, 100, CancellationToken.None);
        Assert.Equal(["a", "b", "c"], all.Activities.Select(activity => activity.Text));
        Assert.Equal(2, all.Watermark);
        var rest = await stores.Transcripts.ReadAsync("c1", 0, 1, CancellationToken.None);
        Assert.Equal(("b", 1L), (Assert.Single(rest.Activities).Text, rest.Watermark));
        var none = await stores.Transcripts.ReadAsync("c1", 2, 100, CancellationToken.None);
        Assert.Equal((0, 2L), (none.Activities.Count, none.Watermark));
    }

    [Fact]
    public async Task Append_KeepsIdChannelDataAndPropertiesTheSchemaDoesNotName()
    {
        var stores = await NewAsync();
        await stores.Transcripts.CreateAsync("c1", "u1", CancellationToken.None);
        var activity = JsonSerializer.Deserialize<Activity>("""{"type":"message","text":"hi","channelData":{"clientActivityID":"x","deep":{"n":[1,2]}},"attachmentLayout":"list"}""", BotJson.Options)!;

        var appended = await stores.Transcripts.AppendAsync("c1", activity, "x", CancellationToken.None);

        var read = Assert.Single((await stores.Transcripts.ReadAsync("c1", -1, 10, CancellationToken.None)).Activities);
        Assert.Equal(appended.Id, read.Id);
        Assert.Equal(2, read.ChannelData!.Value.GetProperty("deep").GetProperty("n")[1].GetInt32());
        Assert.Equal("list", read.Properties!["attachmentLayout"].GetString());
    }

    [Fact]
    public async Task Append_RetryWithSameClientActivityId_ReturnsTheFirstIdAndStoresNothing()
    {
        var stores = await NewAsync();
        await stores.Transcripts.CreateAsync("c1", "u1", CancellationToken.None);

        var first = await stores.Transcripts.AppendAsync("c1", Message("hello"), "client-1", CancellationToken.None);
        var retry = await stores.Transcripts.AppendAsync("c1", Message("hello"), "client-1", CancellationToken.None);
        var next = await stores.Transcripts.AppendAsync("c1", Message("more"), "client-2", CancellationToken.None);

        Assert.Equal((first.Id, false), (retry.Id, retry.Added));
        Assert.Equal("c1|0000001", next.Id);
        Assert.Equal(2, (await stores.Transcripts.ReadAsync("c1", -1, 10, CancellationToken.None)).Activities.Count);
    }

    [Fact]
    public async Task Append_FortyAtOnce_EachGetsItsOwnNumberWithNoGaps()
    {
        var stores = await NewAsync();
        await stores.Transcripts.CreateAsync("c1", "u1", CancellationToken.None);

        var appended = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => stores.Transcripts.AppendAsync("c1", Message($"m{i}"), $"k{i % 30}", CancellationToken.None))));

        Assert.Equal(30, appended.Count(append => append.Added));
        Assert.Equal(Enumerable.Range(0, 30).Select(i => ITranscriptStore.ActivityId("c1", i)), appended.Where(append => append.Added).Select(append => append.Id).Order(StringComparer.Ordinal));
        Assert.Equal(30, (await stores.Transcripts.ReadAsync("c1", -1, 100, CancellationToken.None)).Activities.Count);
    }

    [Fact]
    public async Task Append_UnknownConversation_Throws()
    {
        var stores = await NewAsync();

        await Assert.ThrowsAsync<KeyNotFoundException>(() => stores.Transcripts.AppendAsync("nope", Message("x"), null, CancellationToken.None));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => stores.Transcripts.ReadAsync("nope", -1, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Wait_ActivityAppendedMeanwhile_CompletesPromptly()
    {
        var stores = await NewAsync();
        await stores.Transcripts.CreateAsync("c1", "u1", CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var waiting = stores.Transcripts.WaitAsync("c1", -1, timeout.Token);
        await stores.Transcripts.AppendAsync("c1", Message("x"), null, CancellationToken.None);
        await waiting;

        Assert.Single((await stores.Transcripts.ReadAsync("c1", -1, 10, CancellationToken.None)).Activities);
    }

    [Fact]
    public async Task Events_AddedThenListedSince_ComeBackInOrderWithEveryField()
    {
        var stores = await NewAsync();
        var old = new AnalyticsEvent(Monday.AddDays(-40), "webchat", "c0", QuestionOutcome.Declined, "old question");
        var answered = new AnalyticsEvent(Monday, "directline", "c1", QuestionOutcome.Answered, "what is sarcopenia", 0.8125);
        var vote = new AnalyticsEvent(Monday.AddMinutes(1), "msteams", "c1", QuestionOutcome.RatedDown, "what is sarcopenia", 0.5, "Sarcopenia is…", "too vague");
        foreach (var recorded in new[] { old, answered, vote })
        {
            await stores.Analytics.AddAsync(recorded, CancellationToken.None);
        }

        var listed = await stores.Analytics.ListAsync(Monday.AddDays(-1), CancellationToken.None);

        Assert.Equal([answered, vote], listed);
    }

    [Fact]
    public async Task Events_SameKeyTwice_AreRecordedOnce()
    {
        var stores = await NewAsync();
        var answered = new AnalyticsEvent(Monday, "directline", "c1", QuestionOutcome.Answered, "what is sarcopenia", 0.8, Key: "directline|c1|c1|0000001");

        await stores.Analytics.AddAsync(answered, CancellationToken.None);
        await stores.Analytics.AddAsync(answered with { At = Monday.AddSeconds(5) }, CancellationToken.None);
        await stores.Analytics.AddAsync(answered with { Key = null }, CancellationToken.None);
        await stores.Analytics.AddAsync(answered with { Key = null }, CancellationToken.None);

        Assert.Equal(3, (await stores.Analytics.ListAsync(DateTimeOffset.MinValue, CancellationToken.None)).Count);
    }

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text, From = new ChannelAccount { Id = "u1", Role = "user" } };
}
