using Bot.Core.Analytics;
using Bot.Core.State;
using Bot.Storage;
using Bot.Web.Telemetry;
using Npgsql;

namespace Bot.Web.Hosting;

/// <summary>Registers the stores the <c>Storage</c> section asks for: SQLite (default), PostgreSQL, or memory.</summary>
public static class StorageServices
{
    /// <summary>Adds <see cref="IStorage"/>, <see cref="ITranscriptStore"/> and <see cref="IAnalyticsStore"/> on one backend.</summary>
    public static IServiceCollection AddBotStorage(this IServiceCollection services, StorageOptions options, string settingsDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        switch (options.Provider.ToUpperInvariant())
        {
            case "MEMORY":
                services.AddSingleton<IStorage, MemoryStorage>();
                services.AddSingleton<ITranscriptStore, MemoryTranscriptStore>();
                services.AddSingleton<MemoryAnalyticsStore>();
                services.AddSingleton<IAnalyticsStore>(provider => Decorated(options, provider.GetRequiredService<MemoryAnalyticsStore>()));
                break;
            case "SQLITE":
                var path = Path.GetFullPath(Path.Combine(settingsDirectory, options.SqlitePath));
                AddSql(services, options, provider => new SqliteDialect(path, options.SqliteJournalMode));
                break;
            case "POSTGRES":
                if (string.IsNullOrWhiteSpace(options.PostgresConnectionString))
                {
                    throw new InvalidOperationException("Storage:Provider is Postgres but Storage:PostgresConnectionString is empty.");
                }

                services.AddSingleton(_ => NpgsqlDataSource.Create(options.PostgresConnectionString));
                AddSql(services, options, provider => new PostgresDialect(provider.GetRequiredService<NpgsqlDataSource>()));
                services.AddHostedService<PostgresListenerService>();
                break;
            default:
                throw new InvalidOperationException($"Storage:Provider must be Sqlite, Postgres or Memory, not '{options.Provider}'.");
        }

        return services;
    }

    private static void AddSql(IServiceCollection services, StorageOptions options, Func<IServiceProvider, SqlDialect> dialect)
    {
        services.AddSingleton(provider => new SqlBotStore(dialect(provider), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IStorage>(provider => provider.GetRequiredService<SqlBotStore>());
        services.AddSingleton<ITranscriptStore>(provider => provider.GetRequiredService<SqlBotStore>());
        services.AddSingleton<IStoreMaintenance>(provider => provider.GetRequiredService<SqlBotStore>());
        services.AddSingleton<IAnalyticsStore>(provider => Decorated(options, provider.GetRequiredService<SqlBotStore>()));
        services.AddSingleton<StorageInitializer>();
        services.AddHostedService(provider => provider.GetRequiredService<StorageInitializer>());
    }

    /// <summary>The store as the bot sees it: questions redacted when configured, and every outcome counted in the metrics.</summary>
    private static MeteredAnalyticsStore Decorated(StorageOptions options, IAnalyticsStore store) => new MeteredAnalyticsStore(options.RedactQuestions ? new RedactingAnalyticsStore(store) : store);
}
