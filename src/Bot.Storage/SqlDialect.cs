using System.Data.Common;

namespace Bot.Storage;

/// <summary>What differs between the SQL databases the store runs on; the statements themselves are shared.</summary>
public abstract class SqlDialect
{
    /// <summary>The schema, one step per version, applied in order at start-up.</summary>
    public IReadOnlyList<string> Migrations => [
        $"""
        CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL, touched BIGINT NOT NULL);
        CREATE INDEX state_touched ON state (touched);
        CREATE TABLE dl_conversations (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, next_seq BIGINT NOT NULL, touched BIGINT NOT NULL);
        CREATE INDEX dl_conversations_touched ON dl_conversations (touched);
        CREATE TABLE dl_activities (conversation_id TEXT NOT NULL, seq BIGINT NOT NULL, client_id TEXT, body TEXT NOT NULL, PRIMARY KEY (conversation_id, seq));
        CREATE UNIQUE INDEX dl_activities_client ON dl_activities (conversation_id, client_id) WHERE client_id IS NOT NULL;
        CREATE TABLE events ({IdentityColumn}, at BIGINT NOT NULL, channel TEXT, conversation TEXT, outcome TEXT NOT NULL, question TEXT NOT NULL, confidence DOUBLE PRECISION, answer TEXT, comment TEXT);
        CREATE INDEX events_at ON events (at);
        """,
        """
        ALTER TABLE events ADD COLUMN event_key TEXT;
        CREATE UNIQUE INDEX events_key ON events (event_key) WHERE event_key IS NOT NULL;
        """,
    ];

    /// <summary>A short name for logs and health reports.</summary>
    public abstract string Name { get; }

    /// <summary>An auto-numbered primary key column named <c>id</c>.</summary>
    protected abstract string IdentityColumn { get; }

    /// <summary>A statement that tells other processes a transcript grew (parameter <c>@c</c>: the conversation), or null.</summary>
    public virtual string? NotifySql => null;

    /// <summary>A statement, run first in the migration transaction, that keeps two processes from migrating at once; or null.</summary>
    public virtual string? MigrationLockSql => null;

    /// <summary>
    /// Waits for this process's turn at the database, where concurrent connections would make each other sleep and
    /// retry; dispose the result to let the next one in. Null where callers need no queue.
    /// </summary>
    public virtual ValueTask<IDisposable?> EnterAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable?>(null);

    /// <summary>An open connection.</summary>
    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Starts a transaction that takes the write lock at once.</summary>
    public abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);
}
