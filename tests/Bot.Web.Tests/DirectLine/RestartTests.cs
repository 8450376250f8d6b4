using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Bot.Web.Tests.DirectLine;

public sealed class RestartTests : IDisposable
{
    private const string Secret = "restart-tests-secret-0123456789";
    private readonly string _folder = Directory.CreateTempSubdirectory("bot-restart-").FullName;

    [Fact]
    public async Task SqliteHost_Restarted_ContinuesTheConversationWithItsStateAndWatermarks()
    {
        var database = Path.Combine(_folder, "bot.db");
        string id;
        await using (var first = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => Configure(builder, database)))
        {
            var client = await ClientAsync(first);
            var started = await (await client.PostAsync(new Uri("/v3/directline/conversations", UriKind.Relative), null)).Content.ReadFromJsonAsync<JsonElement>();
            id = started.GetProperty("conversationId").GetString()!;
            (await client.PostAsJsonAsync(new Uri($"/v3/directline/conversations/{id}/activities", UriKind.Relative), new { type = "message", from = new { id = "u" }, text = "what is sarcopenia" })).EnsureSuccessStatusCode();
        }

        await using var second = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => Configure(builder, database));
        var again = await ClientAsync(second);
        var more = await again.PostAsJsonAsync(new Uri($"/v3/directline/conversations/{id}/activities", UriKind.Relative), new { type = "message", from = new { id = "u" }, text = "tell me more" });
        var set = await again.GetFromJsonAsync<JsonElement>(new Uri($"/v3/directline/conversations/{id}/activities?watermark=2", UriKind.Relative));

        Assert.Equal($"{id}|0000003", (await more.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        var reply = set.GetProperty("activities")[1];
        Assert.Equal($"{id}|0000003", reply.GetProperty("replyToId").GetString());
        Assert.DoesNotContain("That is all", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("sarcopenia", reply.GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static void Configure(IWebHostBuilder builder, string database) => builder
        .UseSetting("Storage:Provider", "Sqlite")
        .UseSetting("Storage:SqlitePath", database)
        .UseSetting("DirectLine:Secret", Secret);

    private static async Task<HttpClient> ClientAsync(WebApplicationFactory<Program> factory)
    {
        var client = await BotWebFactory.CreateReadyClientAsync(factory);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        return client;
    }
}
