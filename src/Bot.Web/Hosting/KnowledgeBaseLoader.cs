using Bot.Core.Analytics;
using Bot.Core.Dialogs;
using Bot.Core.State;
using Bot.Knowledge;
using Bot.Knowledge.Answers;
using Bot.Knowledge.Search;
using Bot.Knowledge.Semantic;
using Microsoft.Extensions.Options;

namespace Bot.Web.Hosting;

/// <summary>Loads the corpus and builds the index in the background, so the process answers /healthz at once and /readyz when the bot can answer.</summary>
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
    private volatile MuscleWastingBot? _bot;

    /// <summary>The bot, once the index is loaded; null before.</summary>
    public MuscleWastingBot? Bot => _bot;

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(
        () =>
        {
            try
            {
                var engine = KnowledgeBase.Load(knowledge.Value.CorpusDirectory, embedder, search.Value, answers.Value, clinic.Value);
                _bot = new MuscleWastingBot(engine.Answers, answers.Value, clinic.Value, storage, analytics, clock);
                LogReady(logger, engine.Corpus.Passages.Count, engine.Corpus.Documents.Count);
            }
            catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                LogLoadFailed(logger, exception, knowledge.Value.CorpusDirectory);
            }
        },
        stoppingToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Index ready: {Passages} passages from {Sources} sources")]
    private static partial void LogReady(ILogger logger, int passages, int sources);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The corpus in {Directory} could not be loaded")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception, string directory);
}
