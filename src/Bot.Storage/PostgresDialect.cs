using System.Data;
using System.Data.Common;
using Npgsql;

namespace Bot.Storage;

/// <summary>PostgreSQL, shared by every replica: transcripts announce new activities with NOTIFY.</summary>
public sealed class PostgresDialect(NpgsqlDataSource source) : SqlDialect
{
    /// <summary>The channel NOTIFY and LISTEN use; the payload is the conversation id.</summary>
    public const string Channel = "bot_transcripts";

    /// <inheritdoc />
    public override string Name => "postgres";

    /// <summary>The connection pool.</summary>
    public NpgsqlDataSource Source => source;

    /// <inheritdoc />
    protected override string IdentityColumn => "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    /// <inheritdoc />
    public override string? NotifySql => $"SELECT pg_notify('{Channel}', @c)";

    /// <inheritdoc />
    public override string? MigrationLockSql => "SELECT pg_advisory_xact_lock(7263541)";

    /// <inheritdoc />
    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) => await source.OpenConnectionAsync(cancellationToken);

    /// <inheritdoc />
    public override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
    }
}
