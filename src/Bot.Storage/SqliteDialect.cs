using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Bot.Storage;

/// <summary>
/// An embedded SQLite file (write-ahead log, so a killed process loses nothing it acknowledged). SQLite takes one
/// writer at a time, so this process queues its writers instead of letting them sleep on SQLITE_BUSY.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The write queue's SemaphoreSlim holds no handle (AvailableWaitHandle is never used) and lives as long as the store.")]
public sealed class SqliteDialect : SqlDialect
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writer = new(1, 1);

    static SqliteDialect() => SQLitePCL.Batteries_V2.Init();

    /// <summary>The database in <paramref name="path"/>, created with its folder when missing.</summary>
    public SqliteDialect(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Cache = SqliteCacheMode.Private, DefaultTimeout = 30 }.ToString();
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL";
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public override string Name => "sqlite";

    /// <inheritdoc />
    protected override string IdentityColumn => "id INTEGER PRIMARY KEY AUTOINCREMENT";

    /// <inheritdoc />
    public override async ValueTask<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        return new Release(_writer);
    }

    /// <inheritdoc />
    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);

        // Per connection: with the write-ahead log, NORMAL commits without an fsync each time and still loses nothing
        // when the process dies (only an OS crash can take the last commits back).
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <inheritdoc />
    public override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
    }

    private sealed class Release(SemaphoreSlim writer) : IDisposable
    {
        public void Dispose() => writer.Release();
    }
}
