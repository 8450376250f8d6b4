using Bot.Core.Analytics;
using Bot.Core.Dialogs;
using Bot.Core.State;
using Bot.Knowledge;
using Bot.Knowledge.Answers;
using Bot.Knowledge.Retrieval;
using Bot.Knowledge.Semantic;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Bot.Web.Hosting;

/// <summary>
/// Loads the corpus and builds the index in the background, so the process answers /healthz at once and /readyz when
/// the bot can answer; then reloads it whenever a file in the corpus folder changes. Each load builds a new immutable
/// <see cref="KnowledgeBase"/> and the bot over it, published by one reference swap: turns under way finish on the
/// one they started with. A corpus that fails to load leaves the current one in place, and the log says why.
/// </summary>
public sealed partial class KnowledgeBaseLoader(
    IOptions<KnowledgeOptions> knowledge,
    IOptions<SearchOptions> search,
    IOptions<AnswerOptions> answers,
    IOptions<ClinicOptions> clinic,
    IEmbedder embedder,
    IStorage storage,
    IAnalyticsStore analytics,
    TimeProvider clock,
    ILogger<KnowledgeBaseLoader> logger) : BackgroundService
{
    private readonly Lock _loading = new();
    private volatile MuscleWastingBot? _bot;
    private KnowledgeBase? _engine;
    private KnowledgeBase? _retired;

    /// <summary>The bot over the latest corpus that loaded; null before the first.</summary>
    public MuscleWastingBot? Bot => _bot;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var directory = knowledge.Value.CorpusDirectory;
        await Task.Run(Load, stoppingToken);
        if (!Directory.Exists(directory))
        {
            return;
        }

        // Polling, not inotify: it works on network shares (App Service's content share) and costs a few stat calls
        // every four seconds; the next token is taken before each reload, so a change made during one is not missed.
        using var files = new PhysicalFileProvider(directory) { UsePollingFileWatcher = true, UseActivePolling = true };
        using var watch = ChangeToken.OnChange(() => files.Watch("**/*"), Load);
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        lock (_loading)
        {
            _retired?.Dispose();
            _engine?.Dispose();
            (_retired, _engine) = (null, null);
        }

        base.Dispose();
    }

    /// <summary>Builds the engine and the bot from the corpus folder and publishes them; on failure keeps what is loaded.</summary>
    private void Load()
    {
        var directory = knowledge.Value.CorpusDirectory;
        lock (_loading)
        {
            try
            {
                var engine = KnowledgeBase.Load(directory, embedder, search.Value, answers.Value, clinic.Value, knowledge.Value.IndexDirectory);
                var first = _bot is null;
                _bot = new MuscleWastingBot(engine.Answers, answers.Value, clinic.Value, storage, analytics, clock);

                // The engine replaced now may still serve a turn under way; it is closed at the next reload instead.
                _retired?.Dispose();
                (_retired, _engine) = (_engine, engine);
                LogLoaded(logger, first ? "Index ready" : "Corpus reloaded", engine.Corpus.Passages.Count, engine.Corpus.Documents.Count);
            }
            catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException or FormatException)
            {
                if (_bot is null)
                {
                    LogLoadFailed(logger, exception, directory, exception.Message);
                }
                else
                {
                    LogReloadFailed(logger, exception, directory, exception.Message);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{What}: {Passages} passages from {Sources} sources")]
    private static partial void LogLoaded(ILogger logger, string what, int passages, int sources);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The corpus in {Directory} could not be loaded: {Reason}")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception, string directory, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The changed corpus in {Directory} could not be loaded, so the previous one stays in use: {Reason}")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception, string directory, string reason);
}
