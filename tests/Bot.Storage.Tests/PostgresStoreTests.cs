using Npgsql;

namespace Bot.Storage.Tests;

public sealed class PostgresStoreTests(TestPostgres database) : StoreContract, IClassFixture<TestPostgres>
{
    [Fact]
    public async Task TwoReplicas_AppendOnOne_WakesAndIsReadOnTheOther()
    {
        var (a, sourceA) = await OpenAsync();
        var (b, sourceB) = await OpenAsync();
        using var stop = new CancellationTokenSource();
        var listening = PostgresListener.RunAsync(sourceB, b.Signals, stop.Token);
        await a.CreateAsync("shared", "u1", CancellationToken.None);
        await Task.Delay(300);

        var woken = b.Signals.NextAsync("shared");
        await a.AppendAsync("shared", new Bot.Core.Schema.Activity { Type = "message", Text = "from A" }, null, CancellationToken.None);

        Assert.Same(woken, await Task.WhenAny(woken, Task.Delay(TimeSpan.FromSeconds(5))));
        Assert.Equal("from A", Assert.Single((await b.ReadAsync("shared", -1, 10, CancellationToken.None)).Activities).Text);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listening);
        await sourceA.DisposeAsync();
        await sourceB.DisposeAsync();
    }

    [Fact]
    public async Task Purge_RemovesOldEventsAndIdleConversationsOnly()
    {
        var (store, source) = await OpenAsync();
        var now = DateTimeOffset.UtcNow;
        await store.AddAsync(new Bot.Core.Analytics.AnalyticsEvent(now.AddDays(-100), null, null, Bot.Core.Analytics.QuestionOutcome.Declined, "old"), CancellationToken.None);
        await store.AddAsync(new Bot.Core.Analytics.AnalyticsEvent(now, null, null, Bot.Core.Analytics.QuestionOutcome.Declined, "new"), CancellationToken.None);
        await store.CreateAsync("purge-me", "u", CancellationToken.None);

        await store.PurgeAsync(now.AddDays(-90), now.AddMinutes(1), CancellationToken.None);

        Assert.Equal("new", Assert.Single(await store.ListAsync(DateTimeOffset.MinValue, CancellationToken.None)).Question);
        Assert.False(await store.ExistsAsync("purge-me", CancellationToken.None));
        await source.DisposeAsync();
    }

    /// <inheritdoc />
    protected override async Task<Stores> NewAsync() => Stores.Of((await OpenAsync()).Store);

    private async Task<(SqlBotStore Store, NpgsqlDataSource Source)> OpenAsync()
    {
        var source = NpgsqlDataSource.Create(database.ConnectionString);
        var store = new SqlBotStore(new PostgresDialect(source), TimeProvider.System);
        await store.MigrateAsync(CancellationToken.None);
        await using var connection = await source.OpenConnectionAsync();
        await using var clear = new NpgsqlCommand("TRUNCATE state, dl_conversations, dl_activities, events", connection);
        await clear.ExecuteNonQueryAsync();
        return (store, source);
    }
}
