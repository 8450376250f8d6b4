using Npgsql;

namespace Bot.Storage.Tests;

/// <summary>
/// A fresh database on the PostgreSQL server named by BOT_TEST_POSTGRES (default: the role and server .ci/run
/// creates on loopback), dropped again at the end.
/// </summary>
public sealed class TestPostgres : IAsyncLifetime
{
    /// <summary>The server the tests use.</summary>
    public static string ServerConnectionString => Environment.GetEnvironmentVariable("BOT_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=bot;Password=bot;Database=postgres";

    private readonly string _database = "bot_test_" + Guid.NewGuid().ToString("N");

    /// <summary>A connection string for the fresh database.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _database }.ToString();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        try
        {
            await using var server = new NpgsqlConnection(ServerConnectionString);
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", server);
            await create.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException exception)
        {
            throw new InvalidOperationException("These tests need PostgreSQL: set BOT_TEST_POSTGRES, or start the server and role as .ci/run does.", exception);
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var server = new NpgsqlConnection(ServerConnectionString);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }
}
