namespace Bot.Core.State;

/// <summary>Lets one caller in each interval run a sweep of expired entries, without a lock.</summary>
/// <param name="interval">The least time between two sweeps.</param>
public sealed class SweepSchedule(TimeSpan interval)
{
    private long _nextTicks;

    /// <summary>True for exactly one caller once <paramref name="now"/> reaches the next sweep time, which then moves on.</summary>
    public bool IsDue(DateTimeOffset now)
    {
        var next = Interlocked.Read(ref _nextTicks);
        return now.UtcTicks >= next && Interlocked.CompareExchange(ref _nextTicks, (now + interval).UtcTicks, next) == next;
    }
}
