using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Bot.Storage;

/// <summary>
/// An embedded SQLite file (write-ahead log, so a killed process loses nothing it acknowledged). This process uses
/// it one call at a time: SQLite takes one writer at a time, and under a steady stream of commits a reader can meet
/// SQLITE_BUSY and wait out a retry of up to a second (seen as 1 s stalls at the 99th percentile under load); a call
/// takes tens of microseconds, so the queue costs less than the retries.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The queue's SemaphoreSlim holds no handle (AvailableWaitHandle is never used) and lives as long as the store.")]
public sealed class SqliteDialect : SqlDialect
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _turn = new(1, 1);

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
    public override async ValueTask<IDisposable?> EnterAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        return new Release(_turn);
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

    private sealed class Release(SemaphoreSlim turn) : IDisposable
    {
        public void Dispose() => turn.Release();
    }
}
