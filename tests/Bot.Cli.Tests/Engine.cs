using Bot.Knowledge;
using Bot.Knowledge.Semantic;

namespace Bot.Cli.Tests;

/// <summary>The engine over the repository's corpus, and the shared folder's evaluation set, found from the test binaries.</summary>
internal static class Engine
{
    public static string Root { get; } = FindRoot();

    private static readonly Lazy<KnowledgeBase> Lazy = new(() => KnowledgeBase.Load(Path.Combine(Root, "corpus"), MiniLmEmbedder.Shared));

    public static KnowledgeBase Instance => Lazy.Value;

    public static string DevQuestions => Path.Combine(Root, "..", "shared", "eval", "dev-questions.jsonl");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Bot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Bot.sln not found above the test binaries.");
    }
}
