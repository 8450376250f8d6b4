using Bot.Core.State;

namespace Bot.Core.Tests.State;

public sealed class MemoryStorageTests
{
    [Fact]
    public async Task Read_ItemWrittenEarlier_ReturnsACopy()
    {
        var sut = new MemoryStorage();
        var state = new ConversationState { LastQuestion = "what is sarcopenia", Seen = [3, 4] };

        await sut.WriteAsync("c1", state, CancellationToken.None);
        var read = await sut.ReadAsync<ConversationState>("c1", CancellationToken.None);

        Assert.Equal(state.LastQuestion, read!.LastQuestion);
        Assert.Equal(state.Seen, read.Seen);
        Assert.NotSame(state, read);
    }

    [Fact]
    public async Task Read_ItemIdleLongerThanTheLimit_IsGoneWhileActiveOnesStay()
    {
        var clock = new ManualClock();
        var sut = new MemoryStorage(clock);
        await sut.WriteAsync("idle", 1, CancellationToken.None);
        await sut.WriteAsync("active", 2, CancellationToken.None);

        clock.Advance(MemoryStorage.IdleLimit / 2);
        await sut.ReadAsync<int>("active", CancellationToken.None);
        clock.Advance((MemoryStorage.IdleLimit / 2) + TimeSpan.FromMinutes(1));
        await sut.ReadAsync<int>("unrelated", CancellationToken.None);

        Assert.Equal(0, await sut.ReadAsync<int>("idle", CancellationToken.None));
        Assert.Equal(2, await sut.ReadAsync<int>("active", CancellationToken.None));
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
