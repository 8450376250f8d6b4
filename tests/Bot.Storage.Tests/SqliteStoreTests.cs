namespace Bot.Storage.Tests;

public sealed class SqliteStoreTests : StoreContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bot-sqlite-").FullName;

    [Fact]
    public async Task Migrate_Twice_LeavesTheDataAndTheSchemaAsTheyWere()
    {
        var path = Path.Combine(_folder, "twice.db");
        var store = new SqlBotStore(new SqliteDialect(path), TimeProvider.System);
        await store.MigrateAsync(CancellationToken.None);
        await store.WriteAsync("k", 1, CancellationToken.None);

        var again = new SqlBotStore(new SqliteDialect(path), TimeProvider.System);
        await again.MigrateAsync(CancellationToken.None);

        Assert.Equal(1, await again.ReadAsync<int>("k", CancellationToken.None));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <inheritdoc />
    protected override async Task<Stores> NewAsync()
    {
        var store = new SqlBotStore(new SqliteDialect(Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db")), TimeProvider.System);
        await store.MigrateAsync(CancellationToken.None);
        return Stores.Of(store);
    }
}
