using Npgsql;

namespace Bot.Storage;

/// <summary>
/// Listens for other replicas' transcript notifications on one dedicated PostgreSQL connection and wakes this
/// process's streams. Reconnects after a failure; meanwhile streams still poll (<see cref="SqlBotStore.PollInterval"/>).
/// </summary>
public static class PostgresListener
{
    /// <summary>Listens until <paramref name="cancellationToken"/> is cancelled.</summary>
    public static async Task RunAsync(NpgsqlDataSource source, TranscriptSignals signals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(signals);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await source.OpenConnectionAsync(cancellationToken);
                connection.Notification += (_, notification) => signals.Pulse(notification.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresDialect.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }

                while (true)
                {
                    await connection.WaitAsync(cancellationToken);
                }
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException or InvalidOperationException)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }
}
