namespace Bot.Storage;

/// <summary>Where the bot keeps what must outlive a process (section <c>Storage</c>).</summary>
public sealed record StorageOptions
{
    /// <summary><c>Sqlite</c> (the default: one file, one process), <c>Postgres</c> (any number of replicas) or <c>Memory</c> (tests, nothing kept).</summary>
    public string Provider { get; init; } = "Sqlite";

    /// <summary>The SQLite file, relative to the settings folder.</summary>
    public string SqlitePath { get; init; } = "data/bot.db";

    /// <summary>
    /// SQLite's journal: <c>WAL</c> (the default, local disk) or <c>DELETE</c> for network storage such as App Service's
    /// /home share, where the write-ahead log's shared memory is unsafe.
    /// </summary>
    public string SqliteJournalMode { get; init; } = "WAL";

    /// <summary>The PostgreSQL connection string (Npgsql form); never logged.</summary>
    public string PostgresConnectionString { get; init; } = string.Empty;

    /// <summary>Analytics events older than this many days are deleted.</summary>
    public int RetentionDays { get; init; } = 90;

    /// <summary>Conversations (state and transcripts) idle this many days are deleted.</summary>
    public int ConversationIdleDays { get; init; } = 1;

    /// <summary>Whether questions and comments are stored with numbers, e-mail addresses and self-given names blanked.</summary>
    public bool RedactQuestions { get; init; } = true;
}
