using Bot.Web.Hosting;

namespace Bot.Web.Tests.Hosting;

public sealed class TypingIndicatorTests
{
    [Fact]
    public async Task Run_SlowTurn_SendsTypingUntilItEnds()
    {
        var typed = 0;
        var twice = new TaskCompletionSource();

        await TypingIndicator.RunAsync(
            () => twice.Task.WaitAsync(TimeSpan.FromSeconds(30)),
            _ =>
            {
                if (Interlocked.Increment(ref typed) == 2)
                {
                    twice.SetResult();
                }

                return Task.CompletedTask;
            },
            TimeSpan.FromMilliseconds(10),
            TimeSpan.FromMilliseconds(10),
            CancellationToken.None);
        var afterTurn = typed;
        await Task.Delay(100);

        Assert.True(afterTurn >= 2);
        Assert.Equal(afterTurn, typed);
    }

    [Fact]
    public async Task Run_QuickTurn_SendsNoTyping()
    {
        var typed = 0;

        await TypingIndicator.RunAsync(() => Task.CompletedTask, _ => Task.FromResult(Interlocked.Increment(ref typed)), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(0, typed);
    }
}
