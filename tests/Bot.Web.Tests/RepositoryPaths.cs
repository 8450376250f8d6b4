namespace Bot.Web.Tests;

/// <summary>Where the repository is, seen from the test output.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding Bot.sln.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Bot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Bot.sln not found above the test output.");
    }
}
