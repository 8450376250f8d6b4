using Bot.Storage;
using Npgsql;

namespace Bot.Web.Hosting;

/// <summary>Runs the <see cref="PostgresListener"/> for the host's lifetime, so streams wake when another replica appends.</summary>
public sealed class PostgresListenerService(NpgsqlDataSource source, SqlBotStore store) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => PostgresListener.RunAsync(source, store.Signals, stoppingToken);
}
