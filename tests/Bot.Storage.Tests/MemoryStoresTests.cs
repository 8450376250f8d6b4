using Bot.Core.Analytics;
using Bot.Core.State;

namespace Bot.Storage.Tests;

public sealed class MemoryStoresTests : StoreContract
{
    protected override Task<Stores> NewAsync() => Task.FromResult(new Stores(new MemoryStorage(), new MemoryTranscriptStore(TimeProvider.System), new MemoryAnalyticsStore()));
}
