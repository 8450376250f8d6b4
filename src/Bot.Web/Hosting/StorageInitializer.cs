using Bot.Storage;

namespace Bot.Web.Hosting;

/// <summary>
/// Brings the database schema up to date at start-up (retrying while the database is unreachable, so the process
/// stays up and /readyz says why), then deletes expired events and idle conversations once an hour.
/// </summary>
public sealed partial class StorageInitializer(SqlBotStore store, StorageOptions options, TimeProvider clock, ILogger<StorageInitializer> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);
    private volatile bool _migrated;

    /// <summary>Whether the schema is in place.</summary>
    public bool IsMigrated => _migrated;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!_migrated)
        {
            try
            {
                await store.MigrateAsync(stoppingToken);
                _migrated = true;
                LogMigrated(logger, store.Name);
            }
            catch (System.Data.Common.DbException exception)
            {
                LogUnreachable(logger, exception, store.Name);
                await Task.Delay(RetryDelay, clock, stoppingToken);
            }
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = clock.GetUtcNow();
                var deleted = await store.PurgeAsync(now.AddDays(-options.RetentionDays), now.AddDays(-options.ConversationIdleDays), stoppingToken);
                LogPurged(logger, deleted);
            }
            catch (System.Data.Common.DbException exception)
            {
                LogUnreachable(logger, exception, store.Name);
            }

            await Task.Delay(PurgeInterval, clock, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage ready on {Database}")]
    private static partial void LogMigrated(ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage on {Database} is unreachable; retrying")]
    private static partial void LogUnreachable(ILogger logger, Exception exception, string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Rows} expired rows deleted")]
    private static partial void LogPurged(ILogger logger, int rows);
}
