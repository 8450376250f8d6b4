using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Bot.Storage.Tests;

namespace Bot.Web.Tests.Replicas;

/// <summary>Several processes of the service on one PostgreSQL database, as replicas behind a load balancer.</summary>
public sealed class ReplicaTests(TestPostgres database) : IClassFixture<TestPostgres>
{
    private const string Secret = "replica-tests-secret-0123456789";
    private const string AdminKey = "replica-tests-admin";

    [Fact]
    public async Task TwoReplicas_ConversationStartedOnA_ContinuesOnBAndBsStreamSeesAsReplies()
    {
        await using var a = await Replica.StartAsync(Settings());
        await using var b = await Replica.StartAsync(Settings());
        var id = await StartConversationAsync(a);
        var streamUrl = (await (await b.ClientWith(Secret).GetAsync(new Uri($"/v3/directline/conversations/{id}?watermark=0", UriKind.Relative))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamUrl").GetString()!;
        using var stream = new ClientWebSocket();
        await stream.ConnectAsync(new Uri(streamUrl), CancellationToken.None);

        var posted = await PostAsync(a, id, "what is sarcopenia", "q1");
        var streamed = await ReceiveAsync(stream, count: 2);
        var onB = await PostAsync(b, id, "what causes muscle wasting", "q2");
        var readOnA = await ReadAsync(a, id, watermark: "2");

        Assert.Equal(posted, streamed[0].GetProperty("id").GetString());
        Assert.Equal(posted, streamed[1].GetProperty("replyToId").GetString());
        Assert.Equal($"{id}|0000003", onB);
        Assert.Equal([onB, $"{id}|0000004"], readOnA.Select(activity => activity.GetProperty("id").GetString()));
        Assert.Equal(onB, readOnA[1].GetProperty("replyToId").GetString());
    }

    [Fact]
    public async Task KillNine_MidConversation_OtherReplicaContinuesWithNothingLostOrDuplicated()
    {
        var a = await Replica.StartAsync(Settings());
        await using var b = await Replica.StartAsync(Settings());
        var id = await StartConversationAsync(a);
        var acknowledged = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            acknowledged.Add(await PostAsync(a, id, "what is sarcopenia", $"before-{i}"));
        }

        var vote = await a.ClientWith(Secret).PostAsJsonAsync(new Uri($"/v3/directline/conversations/{id}/activities", UriKind.Relative), Feedback(acknowledged[^1]));
        var inFlight = a.ClientWith(Secret).PostAsJsonAsync(new Uri($"/v3/directline/conversations/{id}/activities", UriKind.Relative), Message("what causes muscle wasting", "in-flight"));
        a.Kill();
        try
        {
            await inFlight;
        }
        catch (HttpRequestException)
        {
            // Killed before it answered: the client retries, as Direct Line clients do.
        }

        acknowledged.Add(await PostAsync(b, id, "what causes muscle wasting", "in-flight"));
        acknowledged.Add(await PostAsync(b, id, "how is muscle atrophy treated", "after"));
        await using var restarted = await Replica.StartAsync(Settings());
        acknowledged.Add(await PostAsync(restarted, id, "what is cachexia", "after-restart"));

        var transcript = await ReadAsync(restarted, id, watermark: null);
        var users = transcript.Where(activity => activity.GetProperty("from").GetProperty("role").GetString() == "user").ToList();
        Assert.Equal(HttpStatusCode.OK, vote.StatusCode);
        Assert.Equal(acknowledged, users.Select(activity => activity.GetProperty("id").GetString()));
        Assert.All(users, user => Assert.Single(transcript, activity => activity.TryGetProperty("replyToId", out var replyTo) && replyTo.GetString() == user.GetProperty("id").GetString()));
        Assert.Equal(transcript.Count, transcript.Select(activity => activity.GetProperty("id").GetString()).Distinct().Count());
        var events = (await Events(restarted)).Where(row => row.Contains($",{id},", StringComparison.Ordinal)).ToList();
        Assert.Equal(acknowledged.Count, events.Count(row => row.Contains(",Answered,", StringComparison.Ordinal)));
        Assert.Single(events, row => row.Contains(",RatedUp,", StringComparison.Ordinal));
    }

    private Dictionary<string, string> Settings() => new()
    {
        ["Storage__Provider"] = "Postgres",
        ["Storage__PostgresConnectionString"] = database.ConnectionString,
        ["DirectLine__Secret"] = Secret,
        ["Admin__Key"] = AdminKey,
        ["RateLimits__ActivitiesPerMinutePerConversation"] = "0",
        ["RateLimits__ConversationsPerMinutePerIp"] = "0",
        ["RateLimits__PollsPerMinutePerConversation"] = "0",
    };

    private static async Task<string> StartConversationAsync(Replica replica)
    {
        var response = await replica.ClientWith(Secret).PostAsJsonAsync(new Uri("/v3/directline/conversations", UriKind.Relative), new { user = new { id = "dl_patient" } });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString()!;
    }

    private static object Message(string text, string clientId) => new { type = "message", from = new { id = "dl_patient" }, text, channelData = new { clientActivityID = clientId } };

    private static object Feedback(string activityId) => new
    {
        type = "invoke",
        name = "message/submitAction",
        from = new { id = "dl_patient" },
        replyToId = activityId,
        value = new { actionName = "feedback", actionValue = new { reaction = "like" } },
    };

    private static async Task<string> PostAsync(Replica replica, string id, string text, string clientId)
    {
        var response = await replica.ClientWith(Secret).PostAsJsonAsync(new Uri($"/v3/directline/conversations/{id}/activities", UriKind.Relative), Message(text, clientId));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<List<JsonElement>> ReadAsync(Replica replica, string id, string? watermark)
    {
        var query = watermark is null ? string.Empty : $"?watermark={watermark}";
        var set = await replica.ClientWith(Secret).GetFromJsonAsync<JsonElement>(new Uri($"/v3/directline/conversations/{id}/activities{query}", UriKind.Relative));
        return [.. set.GetProperty("activities").EnumerateArray()];
    }

    private static async Task<List<JsonElement>> ReceiveAsync(ClientWebSocket socket, int count)
    {
        var received = new List<JsonElement>();
        var buffer = new byte[256 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (received.Count < count)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            using var frame = JsonDocument.Parse(buffer.AsMemory(0, result.Count));
            received.AddRange(frame.RootElement.GetProperty("activities").EnumerateArray().Select(activity => activity.Clone()));
        }

        return received;
    }

    /// <summary>The analytics events as CSV rows.</summary>
    private static async Task<string[]> Events(Replica replica) =>
        (await replica.ClientWith(AdminKey).GetStringAsync(new Uri("/api/admin/events.csv?days=1", UriKind.Relative))).Split("\r\n");
}
