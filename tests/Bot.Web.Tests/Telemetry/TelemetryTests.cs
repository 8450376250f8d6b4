using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Bot.Web.Tests.Telemetry;

public sealed class TelemetryTests(BotWebFactory factory) : IClassFixture<BotWebFactory>
{
    [Fact]
    public async Task Turn_IsTracedUnderItsRequestAndCountedInTheBotsMetrics()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        await using var host = factory.WithWebHostBuilder(builder => builder
            .UseSetting("RateLimits:TokensPerMinutePerIp", "1")
            .ConfigureServices(services =>
            {
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
                services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
            }));
        var client = await BotWebFactory.CreateReadyClientAsync(host);
        var message = new
        {
            type = "message", id = "m1", channelId = "webchat", serviceUrl = "http://127.0.0.1:9/", deliveryMode = "expectReplies",
            from = new { id = "u1" }, recipient = new { id = "bot" }, conversation = new { id = Guid.NewGuid().ToString() }, text = "what is sarcopenia",
        };

        // Other hosts in this process trace too (the sources are process-wide): this request names its own trace.
        var traceId = ActivityTraceId.CreateRandom();
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(message) };
        post.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(post)).StatusCode);
        using var widget = new HttpRequestMessage(HttpMethod.Post, "/api/widget/token");
        widget.Headers.Add("Origin", "http://localhost");
        await client.SendAsync(widget);
        using var again = new HttpRequestMessage(HttpMethod.Post, "/api/widget/token");
        again.Headers.Add("Origin", "http://localhost");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(again)).StatusCode);
        host.Services.GetRequiredService<TracerProvider>().ForceFlush();
        host.Services.GetRequiredService<MeterProvider>().ForceFlush();

        Activity[] recorded;
        lock (spans)
        {
            recorded = [.. spans];
        }

        var request = Assert.Single(recorded, span => span.TraceId == traceId && span.Kind == ActivityKind.Server);
        Assert.Equal("/api/messages", request.GetTagItem("url.path"));
        var turn = Assert.Single(recorded, span => span.TraceId == traceId && span.OperationName == "bot.turn");
        Assert.Equal(request.SpanId, turn.ParentSpanId);
        Assert.Equal("webchat", turn.GetTagItem("bot.channel"));
        var names = metrics.Select(metric => metric.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "bot.turns", "bot.turn.duration", "bot.answers", "bot.answer.confidence", "bot.ratelimit.refusals", "http.server.request.duration" }, names);
    }
}
