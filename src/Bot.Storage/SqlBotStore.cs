using System.Data.Common;
using System.Text.Json;
using Bot.Core.Analytics;
using Bot.Core.Schema;
using Bot.Core.State;

namespace Bot.Storage;

/// <summary>
/// Conversation state, transcripts and analytics events in one SQL database, through one set of statements that
/// SQLite and PostgreSQL both run (<see cref="SqlDialect"/> holds the differences). Every write is one transaction:
/// what a caller was told is stored is on disk. A transcript's next sequence number lives on its conversation row,
/// so concurrent appends from several replicas take turns on that row and never share a number.
/// </summary>
public sealed class SqlBotStore : IStorage, ITranscriptStore, IAnalyticsStore, IStoreMaintenance
{
    /// <summary>How often a waiting stream looks again when no notification arrives.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private readonly SqlDialect _dialect;
    private readonly TimeProvider _clock;

    /// <summary>A store on <paramref name="dialect"/>'s database; call <see cref="MigrateAsync"/> before using it.</summary>
    public SqlBotStore(SqlDialect dialect, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        _dialect = dialect;
        _clock = clock;
    }

    /// <summary>Wakes this process's streams; fed by this store's own appends and, on PostgreSQL, by LISTEN.</summary>
    public TranscriptSignals Signals { get; } = new();

    /// <summary>The database kind.</summary>
    public string Name => _dialect.Name;

    /// <inheritdoc />
    public async Task<T?> ReadAsync<T>(string key, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        var connection = session.Connection;
        var value = await ScalarAsync(connection, null, "SELECT value FROM state WHERE key = @k", cancellationToken, ("k", key));
        return value is string json ? JsonSerializer.Deserialize<T>(json) : default;
    }

    /// <inheritdoc />
    public async Task WriteAsync<T>(string key, T item, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        var connection = session.Connection;
        await ExecuteAsync(
            connection,
            null,
            "INSERT INTO state (key, value, touched) VALUES (@k, @v, @t) ON CONFLICT (key) DO UPDATE SET value = excluded.value, touched = excluded.touched",
            cancellationToken,
            ("k", key),
            ("v", JsonSerializer.Serialize(item)),
            ("t", Now()));
    }

    /// <inheritdoc />
    public async Task<bool> CreateAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        var connection = session.Connection;
        return await ExecuteAsync(
            connection,
            null,
            "INSERT INTO dl_conversations (id, user_id, next_seq, touched) VALUES (@c, @u, 0, @t) ON CONFLICT (id) DO NOTHING",
            cancellationToken,
            ("c", conversationId),
            ("u", userId),
            ("t", Now())) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        var connection = session.Connection;
        return await ScalarAsync(connection, null, "SELECT 1 FROM dl_conversations WHERE id = @c", cancellationToken, ("c", conversationId)) is not null;
    }

    /// <inheritdoc />
    public async Task<TranscriptAppend> AppendAsync(string conversationId, Activity activity, string? clientActivityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        await using var session = await OpenAsync(cancellationToken);
        var connection = session.Connection;
        await using var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken);

        // Taking the next number locks the conversation row first, so a retry racing its original waits here and
        // then finds it below.
        var next = await ScalarAsync(connection, transaction, "UPDATE dl_conversations SET next_seq = next_seq + 1, touched = @t WHERE id = @c RETURNING next_seq - 1", cancellationToken, ("c", conversationId), ("t", Now()))
            ?? throw new KeyNotFoundException("No such conversation.");
        if (clientActivityId is not null
            && await ScalarAsync(connection, transaction, "SELECT seq FROM dl_activities WHERE conversation_id = @c AND client_id = @k", cancellationToken, ("c", conversationId), ("k", clientActivityId)) is { } known)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new TranscriptAppend(ITranscriptStore.ActivityId(conversationId, Convert.ToInt64(known, System.Globalization.CultureInfo.InvariantCulture)), false);
        }

        var sequence = Convert.ToInt64(next, System.Globalization.CultureInfo.InvariantCulture);
        activity.Id = ITranscriptStore.ActivityId(conversationId, sequence);
        await ExecuteAsync(
            connection,
            transaction,
            "INSERT INTO dl_activities (conversation_id, seq, client_id, body) VALUES (@c, @s, @k, @b)",
            cancellationToken,
            ("c", conversationId),
            ("s", sequence),
            ("k", clientActivityId),
            ("b", JsonSerializer.Serialize(activity, BotJson.Options)));
        if (_dialect.NotifySql is { } notify)
        {
            await ExecuteAsync(connection, transaction, notify, cancellationToken, ("c", conversationId));
        }

        await transaction.CommitAsync(cancellationToken);
        Signals.Pulse(conversationId);
        return new TranscriptAppend(activity.Id, true);
    }

    /// <inheritdoc />
    public async Task<TranscriptPage> ReadAsync(string conversationId, long watermark, int max, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        var connection = session.Connection;
        var activities = new List<Activity>();
        var last = watermark;
        await using (var command = Command(connection, null, "SELECT seq, body FROM dl_activities WHERE conversation_id = @c AND seq > @w ORDER BY seq LIMIT @n", ("c", conversationId), ("w", watermark), ("n", max)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                last = reader.GetInt64(0);
                activities.Add(JsonSerializer.Deserialize<Activity>(reader.GetString(1), BotJson.Options)!);
            }
        }

        // Only an empty page needs to ask whether the conversation is there at all.
        if (activities.Count == 0 && await ScalarAsync(connection, null, "SELECT 1 FROM dl_conversations WHERE id = @c", cancellationToken, ("c", conversationId)) is null)
        {
            throw new KeyNotFoundException("No such conversation.");
        }

        return new TranscriptPage(activities, last);
    }

    /// <inheritdoc />
    public async Task WaitAsync(string conversationId, long watermark, CancellationToken cancellationToken)
    {
        var next = Signals.NextAsync(conversationId);
        var page = await ReadAsync(conversationId, watermark, 1, cancellationToken);
        if (page.Activities.Count == 0)
        {
            await Task.WhenAny(next, Task.Delay(PollInterval, _clock, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <inheritdoc />
    public async Task AddAsync(AnalyticsEvent analyticsEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(analyticsEvent);
        await using var session = await OpenAsync(cancellationToken);
        var connection = session.Connection;
        await ExecuteAsync(
            connection,
            null,
            "INSERT INTO events (at, channel, conversation, outcome, question, confidence, answer, comment, event_key) VALUES (@at, @ch, @co, @o, @q, @cf, @a, @cm, @k) ON CONFLICT DO NOTHING",
            cancellationToken,
            ("at", analyticsEvent.At.ToUnixTimeMilliseconds()),
            ("ch", analyticsEvent.ChannelId),
            ("co", analyticsEvent.ConversationId),
            ("o", analyticsEvent.Outcome.ToString()),
            ("q", analyticsEvent.Question),
            ("cf", analyticsEvent.Confidence),
            ("a", analyticsEvent.Answer),
            ("cm", analyticsEvent.Comment),
            ("k", analyticsEvent.Key));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AnalyticsEvent>> ListAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        var connection = session.Connection;
        await using var command = Command(connection, null, "SELECT at, channel, conversation, outcome, question, confidence, answer, comment, event_key FROM events WHERE at >= @s ORDER BY at, id", ("s", Math.Max(since.ToUnixTimeMilliseconds(), 0)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<AnalyticsEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new AnalyticsEvent(
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)),
                Text(reader, 1),
                Text(reader, 2),
                Enum.Parse<QuestionOutcome>(reader.GetString(3)),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetDouble(5),
                Text(reader, 6),
                Text(reader, 7),
                Text(reader, 8)));
        }

        return events;
    }

    /// <inheritdoc />
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var session = await OpenAsync(cancellationToken);
            return await ScalarAsync(session.Connection, null, "SELECT 1", cancellationToken) is not null;
        }
        catch (DbException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<int> PurgeAsync(DateTimeOffset eventsBefore, DateTimeOffset idleBefore, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        var connection = session.Connection;
        await using var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken);
        var idle = idleBefore.ToUnixTimeMilliseconds();
        var deleted = await ExecuteAsync(connection, transaction, "DELETE FROM events WHERE at < @b", cancellationToken, ("b", eventsBefore.ToUnixTimeMilliseconds()));
        deleted += await ExecuteAsync(connection, transaction, "DELETE FROM state WHERE touched < @b", cancellationToken, ("b", idle));
        deleted += await ExecuteAsync(connection, transaction, "DELETE FROM dl_activities WHERE conversation_id IN (SELECT id FROM dl_conversations WHERE touched < @b)", cancellationToken, ("b", idle));
        deleted += await ExecuteAsync(connection, transaction, "DELETE FROM dl_conversations WHERE touched < @b", cancellationToken, ("b", idle));
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    /// <summary>Creates the schema, or brings it to the latest version; safe to run from several processes at once.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        var connection = session.Connection;
        await using var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken);
        if (_dialect.MigrationLockSql is { } lockSql)
        {
            await ExecuteAsync(connection, transaction, lockSql, cancellationToken);
        }

        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", cancellationToken);
        var current = Convert.ToInt32(await ScalarAsync(connection, transaction, "SELECT MAX(version) FROM schema_version", cancellationToken) ?? 0, System.Globalization.CultureInfo.InvariantCulture);
        for (var version = current + 1; version <= _dialect.Migrations.Count; version++)
        {
            await ExecuteAsync(connection, transaction, _dialect.Migrations[version - 1], cancellationToken);
            await ExecuteAsync(connection, transaction, "INSERT INTO schema_version (version) VALUES (@v)", cancellationToken, ("v", version));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A connection, opened once this process's turn at the database has come (<see cref="SqlDialect.EnterAsync"/>).</summary>
    private async Task<Session> OpenAsync(CancellationToken cancellationToken)
    {
        var turn = await _dialect.EnterAsync(cancellationToken);
        try
        {
            return new Session(turn, await _dialect.OpenAsync(cancellationToken));
        }
        catch
        {
            turn?.Dispose();
            throw;
        }
    }

    private long Now() => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    /// <summary>A connection and the turn it was opened in: closing it lets the next caller in.</summary>
    private sealed class Session(IDisposable? turn, DbConnection connection) : IAsyncDisposable
    {
        public DbConnection Connection => connection;

        public async ValueTask DisposeAsync()
        {
            await connection.DisposeAsync();
            turn?.Dispose();
        }
    }
}
