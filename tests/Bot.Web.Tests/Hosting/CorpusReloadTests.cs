using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Xunit.Abstractions;

namespace Bot.Web.Tests.Hosting;

/// <summary>The running service picks up corpus edits by itself, and keeps the last good corpus when an edit breaks it.</summary>
public sealed class CorpusReloadTests(BotWebFactory factory, ITestOutputHelper output) : IClassFixture<BotWebFactory>
{
    private const string Saturday = "what time do you open on saturday?";

    [Fact]
    public async Task CorpusEdited_WhileRunning_AnswersFromTheNewFileWithinSecondsAndKeepsTheOldOneWhenAnEditBreaksIt()
    {
        var corpus = Directory.CreateTempSubdirectory("bot-corpus-").FullName;
        try
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "corpus")))
            {
                File.Copy(file, Path.Combine(corpus, Path.GetFileName(file)));
            }

            await using var host = factory.WithWebHostBuilder(builder => builder
                .UseSetting("Knowledge:CorpusPath", corpus)
                .ConfigureServices(services => services.AddFakeLogging()));
            var client = await BotWebFactory.CreateReadyClientAsync(host);
            var logs = host.Services.GetFakeLogCollector();
            Assert.Contains("9 am to 12 noon", await AskAsync(client, Saturday), StringComparison.Ordinal);

            var qa = Path.Combine(corpus, "clinic-qa.md");
            await File.WriteAllTextAsync(qa, (await File.ReadAllTextAsync(qa)).Replace("9 am to 12 noon", "10 am to 1 pm", StringComparison.Ordinal));
            var reloadedIn = await WaitForAsync(async () => (await AskAsync(client, Saturday)).Contains("10 am to 1 pm", StringComparison.Ordinal));

            var manifest = Path.Combine(corpus, "sources.json");
            var goodManifest = await File.ReadAllTextAsync(manifest);
            await File.WriteAllTextAsync(manifest, "{ \"sources\": [");
            await WaitForAsync(() => Task.FromResult(logs.GetSnapshot().Any(record => record.Level == LogLevel.Error && record.Message.Contains("previous one stays in use", StringComparison.Ordinal) && record.Message.Contains("sources.json", StringComparison.Ordinal))));
            Assert.Contains("10 am to 1 pm", await AskAsync(client, Saturday), StringComparison.Ordinal);

            await File.WriteAllTextAsync(manifest, goodManifest);
            await File.WriteAllTextAsync(qa, (await File.ReadAllTextAsync(qa)).Replace("10 am to 1 pm", "8 am to 11 am", StringComparison.Ordinal));
            await WaitForAsync(async () => (await AskAsync(client, Saturday)).Contains("8 am to 11 am", StringComparison.Ordinal));
            output.WriteLine($"An edit of clinic-qa.md was answered from after {reloadedIn.TotalSeconds:F1} s.");
            Assert.True(reloadedIn < TimeSpan.FromSeconds(15), $"reloaded after {reloadedIn}");
        }
        finally
        {
            Directory.Delete(corpus, recursive: true);
        }
    }

    private static async Task<string> AskAsync(HttpClient client, string text)
    {
        var response = await client.PostAsJsonAsync("/api/messages", new Dictionary<string, object?>
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "emulator",
            ["serviceUrl"] = "http://connector.test/base/",
            ["from"] = new { id = "u1" },
            ["recipient"] = new { id = "bot" },
            ["conversation"] = new { id = Guid.NewGuid().ToString() },
            ["text"] = text,
            ["deliveryMode"] = "expectReplies",
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("activities")[0].GetProperty("text").GetString()!;
    }

    /// <summary>Polls <paramref name="condition"/> for up to 30 s (a busy machine); returns how long it took.</summary>
    private static async Task<TimeSpan> WaitForAsync(Func<Task<bool>> condition)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!await condition())
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(30), "The service did not pick up the change within 30 s.");
            await Task.Delay(250);
        }

        return TimeProvider.System.GetElapsedTime(started);
    }
}
