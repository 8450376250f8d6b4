using Bot.Storage;
using Bot.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Web.Tests.Hosting;

public sealed class StorageServicesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bot-storage-services-").FullName;

    [Fact]
    public async Task AddBotStorage_SqliteJournalModeDelete_OpensTheFileWithTheRollbackJournal()
    {
        var services = new ServiceCollection().AddSingleton(TimeProvider.System);
        services.AddBotStorage(new StorageOptions { SqlitePath = "data/bot.db", SqliteJournalMode = "DELETE" }, _folder);
        await using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<SqlBotStore>();

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "data", "bot.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("delete", await command.ExecuteScalarAsync());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
