using System.Text.Json;
using Bot.Knowledge.Answers;
using Bot.Knowledge.Retrieval;

namespace Bot.Cli;

/// <summary>The sections of the root appsettings.json the engine reads, and where the corpus is.</summary>
internal sealed record AppSettings
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    public ClinicOptions Clinic { get; init; } = new();

    public AnswerOptions Answers { get; init; } = new();

    public SearchOptions Search { get; init; } = new();

    public KnowledgeSection Knowledge { get; init; } = new();

    /// <summary>The corpus folder, resolved against the settings file's folder.</summary>
    public string CorpusDirectory { get; private init; } = "corpus";

    /// <summary>The folder of appsettings.json: the repository root when run from a clone.</summary>
    public string RepositoryDirectory { get; private init; } = Environment.CurrentDirectory;

    /// <summary>The folder the index is persisted in, resolved likewise.</summary>
    public string IndexDirectory { get; private init; } = Path.Combine("data", "index");

    /// <summary>Finds appsettings.json in the current folder or the nearest one above it; defaults when there is none.</summary>
    public static AppSettings Load()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "appsettings.json");
            if (File.Exists(path))
            {
                var settings = JsonSerializer.Deserialize<AppSettings>(File.ReadAllText(path), JsonOptions) ?? new AppSettings();
                return settings with
                {
                    CorpusDirectory = Path.GetFullPath(Path.Combine(directory.FullName, settings.Knowledge.CorpusPath)),
                    RepositoryDirectory = directory.FullName,
                    IndexDirectory = Path.GetFullPath(Path.Combine(directory.FullName, settings.Knowledge.IndexPath)),
                };
            }
        }

        return new AppSettings { CorpusDirectory = Path.GetFullPath("corpus"), IndexDirectory = Path.GetFullPath(Path.Combine("data", "index")) };
    }

    /// <summary>The <c>Knowledge</c> section.</summary>
    internal sealed record KnowledgeSection
    {
        /// <summary>The corpus folder, relative to appsettings.json.</summary>
        public string CorpusPath { get; init; } = "corpus";

        /// <summary>The index folder, relative to appsettings.json.</summary>
        public string IndexPath { get; init; } = "data/index";
    }
}
