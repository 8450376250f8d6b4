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

    [Fact]
    public async Task SqliteDialect_DeleteJournalOnAFileThatWasInWal_StoresWithoutAWriteAheadLog()
    {
        var path = Path.Combine(_folder, "network-share.db");
        await new SqlBotStore(new SqliteDialect(path), TimeProvider.System).MigrateAsync(CancellationToken.None);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var sut = new SqlBotStore(new SqliteDialect(path, "Delete"), TimeProvider.System);
        await sut.MigrateAsync(CancellationToken.None);
        await sut.WriteAsync("k", 7, CancellationToken.None);

        Assert.Equal(7, await sut.ReadAsync<int>("k", CancellationToken.None));
        Assert.False(File.Exists(path + "-wal"));
        Assert.False(File.Exists(path + "-shm"));
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("delete", await command.ExecuteScalarAsync());
    }

    [Fact]
    public void SqliteDialect_UnknownJournalMode_IsRefusedNamingTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => new SqliteDialect(Path.Combine(_folder, "memory.db"), "MEMORY"));

        Assert.Contains("Storage:SqliteJournalMode", error.Message, StringComparison.Ordinal);
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
