using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Bot.Storage;

/// <summary>
/// An embedded SQLite file (write-ahead log by default, so a killed process loses nothing it acknowledged; the
/// rollback journal on network storage such as App Service's /home share, where the log's shared memory is unsafe).
/// This process uses
/// it one call at a time: SQLite takes one writer at a time, and under a steady stream of commits a reader can meet
/// SQLITE_BUSY and wait out a retry of up to a second (seen as 1 s stalls at the 99th percentile under load); a call
/// takes tens of microseconds, so the queue costs less than the retries.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The queue's SemaphoreSlim holds no handle (AvailableWaitHandle is never used) and lives as long as the store.")]
public sealed class SqliteDialect : SqlDialect
{
    private static readonly string[] JournalModes = ["WAL", "DELETE", "TRUNCATE", "PERSIST"];

    private readonly string _connectionString;
    private readonly string _synchronous;
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>The database in <paramref name="path"/>, created with its folder when missing.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="journalMode"><c>WAL</c>, or a rollback journal (<c>DELETE</c>, <c>TRUNCATE</c>, <c>PERSIST</c>) for network storage.</param>
    /// <exception cref="ArgumentException">The journal mode is none of those.</exception>
    /// <exception cref="InvalidOperationException">SQLite kept another journal mode (WAL on a file system without shared memory).</exception>
    public SqliteDialect(string path, string journalMode = "WAL")
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(journalMode);
        var mode = journalMode.ToUpperInvariant();
        if (!JournalModes.Contains(mode))
        {
            throw new ArgumentException($"Storage:SqliteJournalMode must be one of {string.Join(", ", JournalModes)}, not '{journalMode}'.", nameof(journalMode));
        }

        // With the write-ahead log, NORMAL commits without an fsync each time and still loses nothing when the process
        // dies (only an OS crash can take the last commits back); with a rollback journal, NORMAL can corrupt the file
        // if the host or its storage fails mid-commit, so FULL.
        _synchronous = mode == "WAL" ? "NORMAL" : "FULL";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Cache = SqliteCacheMode.Private, DefaultTimeout = 30 }.ToString();
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA journal_mode={mode}";
        var kept = Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (!string.Equals(kept, mode, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite kept journal mode '{kept}' for {path} instead of {mode}.");
        }
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

        // Per connection, as SQLite keeps it.
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA synchronous={_synchronous}";
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
