using Bot.Core.Analytics;
using Bot.Core.Dialogs;
using Bot.Core.Schema;
using Bot.Core.State;
using Bot.Core.Turns;
using Bot.Knowledge;
using Bot.Knowledge.Answers;
using Bot.Knowledge.Semantic;
using Bot.Storage;

namespace Bot.Core.Tests.Dialogs;

/// <summary>
/// Conversations through the dialog, with the conversation's state on memory storage and on SQLite: the topic kept
/// between turns is what lets a follow-up be read against it.
/// </summary>
public sealed class MuscleWastingBotConversationTests : IDisposable
{
    private static readonly Lazy<KnowledgeBase> Engine = new(() => KnowledgeBase.Load(Path.Combine(FindRoot(), "corpus"), MiniLmEmbedder.Shared));

    private readonly string _folder = Directory.CreateTempSubdirectory("bot-dialog-").FullName;

    /// <summary>Context messages | follow-up | a sentence of the source the reply must quote | whether the reply names the topic.</summary>
    private static readonly (string Context, string FollowUp, string Quotes, bool AboutTopic)[] Conversations =
    [
        ("what is ALS", "what causes it?", "Doctors do not know what causes ALS", true),
        ("what is SMA", "is it genetic?", "is a genetic disorder that causes a loss of motor nerve cells", true),
        ("what is polio", "can it cause paralysis?", "can result in permanent paralysis", true),
        ("does bed rest cause muscle wasting", "how quickly does that happen?", "muscle wasting can develop within 10 days", true),
        ("what is cachexia", "what is sarcopenia?", "causes the muscle cells to shrink", false),
        ("hello|what is myositis", "does it hurt?", "This condition causes muscle weakness and pain", true),
        ("what is cachexia", "which illnesses?", "such as cancer, HIV, or multiple sclerosis", true),
        ("how does ALS cause muscle wasting", "what about MS?", "The damaged nerves lose their ability to trigger muscle movement", true),
        ("what are the symptoms of polio", "and of cachexia?", "a significant loss of appetite or unintentional weight loss", true),
        ("how does MS damage the nerves", "what about polio?", "This infectious disease attacks the nervous system", true),
        ("what are the symptoms of muscle atrophy", "and treatment?", "Treatments for muscle atrophy vary depending on the degree of muscle loss", true),
        ("what is focused ultrasound therapy", "how does it work?", "directing beams of high-frequency sound waves", true),
        ("my teenage daughter has anorexia, shes so thin", "can malnutrition waste her muscles too", "this can cause muscle loss, leading to muscle wasting", false),
    ];

    public static TheoryData<string, int> Rows()
    {
        var rows = new TheoryData<string, int>();
        foreach (var storage in new[] { "memory", "sqlite" })
        {
            for (var row = 0; row < Conversations.Length; row++)
            {
                rows.Add(storage, row);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task OnMessage_FollowUpAfterContext_QuotesTheSourceSentenceForTheTopic(string storage, int row)
    {
        var (context, followUp, quotes, aboutTopic) = Conversations[row];
        var sut = new Conversation(await StorageAsync(storage));

        foreach (var message in context.Split('|'))
        {
            await sut.SayAsync(message);
        }

        var reply = await sut.SayAsync(followUp);

        Assert.True(reply.Contains(quotes, StringComparison.Ordinal), reply);
        Assert.True(aboutTopic == reply.StartsWith("About ", StringComparison.Ordinal), reply);
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task OnMessage_FollowUpAfterAnEmergency_IsNotReadAgainstIt(string storage)
    {
        var sut = new Conversation(await StorageAsync(storage));
        await sut.SayAsync("what is cachexia");
        Assert.Contains("emergency", await sut.SayAsync("my dad collapsed and is not breathing"), StringComparison.OrdinalIgnoreCase);

        var reply = await sut.SayAsync("what causes it?");

        Assert.False(reply.StartsWith("About cachexia", StringComparison.Ordinal), reply);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<IStorage> StorageAsync(string kind)
    {
        if (kind == "memory")
        {
            return new MemoryStorage();
        }

        var store = new SqlBotStore(new SqliteDialect(Path.Combine(_folder, $"{Guid.NewGuid():N}.db")), TimeProvider.System);
        await store.MigrateAsync(CancellationToken.None);
        return store;
    }

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

    /// <summary>One conversation on the plain-text channel, a fresh bot (as another replica would be) for every turn.</summary>
    private sealed class Conversation(IStorage storage)
    {
        private readonly ConversationAccount _conversation = new() { Id = $"test-{Guid.NewGuid():N}" };

        public async Task<string> SayAsync(string text)
        {
            var bot = new MuscleWastingBot(Engine.Value.Answers, new AnswerOptions(), new ClinicOptions(), storage, new MemoryAnalyticsStore(), TimeProvider.System);
            var activity = new Activity
            {
                Type = ActivityTypes.Message,
                Id = Guid.NewGuid().ToString("N"),
                Text = text,
                ChannelId = "cli",
                Conversation = _conversation,
                From = new ChannelAccount { Id = "user", Role = "user" },
                Recipient = new ChannelAccount { Id = "bot", Role = "bot" },
            };
            var sender = new BufferedSender();
            await bot.OnTurnAsync(new TurnContext(activity, sender), CancellationToken.None);
            return Assert.Single(sender.Activities).Text ?? string.Empty;
        }
    }
}
