using Bot.Core.Analytics;
using Bot.Core.State;

namespace Bot.Storage.Tests;

/// <summary>One backend's three stores.</summary>
public sealed record Stores(IStorage State, ITranscriptStore Transcripts, IAnalyticsStore Analytics)
{
    /// <summary>All three from one SQL store.</summary>
    public static Stores Of(SqlBotStore store) => new(store, store, store);
}
