namespace Bot.Web.Hosting;

/// <summary>
/// Shows "typing…" while a slow turn runs, as Bot Builder's ShowTypingMiddleware does: nothing for a turn that ends
/// within <see cref="Delay"/>, then a typing activity every <see cref="Period"/> until it ends (clients show one for
/// about 3 seconds).
/// </summary>
public static class TypingIndicator
{
    /// <summary>How long a turn runs before typing is shown.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(500);

    /// <summary>How often typing is sent again.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    /// <summary>Runs <paramref name="turn"/>, calling <paramref name="sendTyping"/> while it is slow.</summary>
    public static async Task RunAsync(Func<Task> turn, Func<CancellationToken, Task> sendTyping, TimeSpan delay, TimeSpan period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(sendTyping);
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var typing = TypeAsync(sendTyping, delay, period, done.Token);
        try
        {
            await turn();
        }
        finally
        {
            await done.CancelAsync();
            await typing;
        }
    }

    private static async Task TypeAsync(Func<CancellationToken, Task> sendTyping, TimeSpan delay, TimeSpan period, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                await sendTyping(cancellationToken);
                await Task.Delay(period, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The turn ended: stop typing.
        }
        catch (HttpRequestException)
        {
            // A lost typing indicator is not worth failing the turn for.
        }
    }
}
