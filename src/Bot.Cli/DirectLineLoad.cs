using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;

namespace Bot.Cli;

/// <summary>
/// The <c>load directline</c> command: a bounded, closed-loop load on a running host's Direct Line endpoint. Each of
/// N conversations (started with the secret, read over its WebSocket stream as Web Chat does) posts a question,
/// waits until the bot's reply to it arrives on the stream, and posts the next; the post→reply round trip is timed.
/// Usage: <c>bot load directline --url http://127.0.0.1:3978 --secret S [--conversations 8] [--seconds 10]</c>.
/// With several replicas (<c>--url http://a,http://b</c>) each conversation streams from one replica and posts to
/// each in turn, as behind a round-robin load balancer, so replies cross replicas.
/// The host's per-conversation rate limit must be off for the run (RateLimits__ActivitiesPerMinutePerConversation=0).
/// </summary>
internal static class DirectLineLoad
{
    private const string Question = "what causes muscle wasting";

    public static async Task<int> RunAsync(string[] options, TextWriter output)
    {
        var urls = (Benchmark.OptionValue(options, "--url") ?? "http://127.0.0.1:3978").Split(',').Select(url => new Uri(url.TrimEnd('/') + "/v3/directline/")).ToArray();
        var secret = Benchmark.OptionValue(options, "--secret") ?? Environment.GetEnvironmentVariable("DirectLine__Secret") ?? string.Empty;
        var conversations = int.Parse(Benchmark.OptionValue(options, "--conversations") ?? "8", System.Globalization.CultureInfo.InvariantCulture);
        var seconds = double.Parse(Benchmark.OptionValue(options, "--seconds") ?? "10", System.Globalization.CultureInfo.InvariantCulture);
        var clients = urls.Select(url =>
        {
            var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = conversations }) { BaseAddress = url };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            return http;
        }).ToArray();

        await RunForAsync(clients, Math.Min(conversations, 2), TimeSpan.FromSeconds(2));
        var (latencies, elapsed) = await RunForAsync(clients, conversations, TimeSpan.FromSeconds(seconds));
        foreach (var http in clients)
        {
            http.Dispose();
        }

        output.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        output.WriteLine("| replicas | conversations | round trips | per second | p50 (ms) | p99 (ms) | max (ms) |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        output.WriteLine($"| {urls.Length} | {conversations} | {latencies.Count} | {latencies.Count / elapsed.TotalSeconds:0} | {Benchmark.Percentile(latencies, 0.5):0.00} | {Benchmark.Percentile(latencies, 0.99):0.00} | {latencies.Max():0.00} |");
        return 0;
    }

    private static async Task<(List<double> Latencies, TimeSpan Elapsed)> RunForAsync(HttpClient[] replicas, int conversations, TimeSpan duration)
    {
        var latencies = new ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, conversations).Select(i => ConverseAsync([.. replicas.Skip(i % replicas.Length), .. replicas.Take(i % replicas.Length)], clock, duration, latencies)));
        return ([.. latencies], clock.Elapsed);
    }

    /// <summary>One conversation: post (to each replica in turn), wait for the reply on the first replica's stream, repeat until the time is up.</summary>
    private static async Task ConverseAsync(HttpClient[] replicas, Stopwatch clock, TimeSpan duration, ConcurrentBag<double> latencies)
    {
        var started = await (await replicas[0].PostAsync(new Uri("conversations", UriKind.Relative), null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var conversationId = started.GetProperty("conversationId").GetString()!;
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(started.GetProperty("streamUrl").GetString()!), CancellationToken.None);
        var replies = new ConcurrentDictionary<string, TaskCompletionSource<TimeSpan>>();
        var reading = ReadRepliesAsync(socket, replies, clock);
        var activities = new Uri($"conversations/{Uri.EscapeDataString(conversationId)}/activities", UriKind.Relative);
        for (var turn = 0; clock.Elapsed < duration; turn++)
        {
            var sent = clock.Elapsed;
            var posted = await (await replicas[turn % replicas.Length].PostAsJsonAsync(activities, new { type = "message", from = new { id = "load" }, text = Question })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
            var arrived = await replies.GetOrAdd(posted.GetProperty("id").GetString()!, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            latencies.Add((Max(arrived, clock.Elapsed) - sent).TotalMilliseconds);
        }

        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await reading;
    }

    /// <summary>Notes when each reply (by the id it replies to) arrives on the stream, until the server closes it.</summary>
    private static async Task ReadRepliesAsync(ClientWebSocket socket, ConcurrentDictionary<string, TaskCompletionSource<TimeSpan>> replies, Stopwatch clock)
    {
        var buffer = new byte[1 << 20];
        while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            var length = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                length += result.Count;
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            if (length == 0)
            {
                continue;
            }

            var at = clock.Elapsed;
            using var frame = JsonDocument.Parse(buffer.AsMemory(0, length));
            foreach (var activity in frame.RootElement.GetProperty("activities").EnumerateArray())
            {
                if (activity.TryGetProperty("replyToId", out var replyTo) && replyTo.GetString() is { } id)
                {
                    replies.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(at);
                }
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
