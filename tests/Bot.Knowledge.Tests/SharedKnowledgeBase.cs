using Bot.Knowledge.Semantic;

namespace Bot.Knowledge.Tests;

/// <summary>The engine over the real corpus, built once for all tests that only read it.</summary>
internal static class SharedKnowledgeBase
{
    private static readonly Lazy<KnowledgeBase> Lazy = new(() => KnowledgeBase.Load(RepositoryPaths.Corpus, MiniLmEmbedder.Shared));

    public static KnowledgeBase Instance => Lazy.Value;
}
