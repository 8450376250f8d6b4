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

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/messages", message)).StatusCode);
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

        var request = Assert.Single(recorded, span => span.Kind == ActivityKind.Server && (span.GetTagItem("url.path") as string) == "/api/messages");
        var turn = Assert.Single(recorded, span => span.OperationName == "bot.turn" && span.ParentSpanId == request.SpanId);
        Assert.Equal(request.TraceId, turn.TraceId);
        Assert.Equal("webchat", turn.GetTagItem("bot.channel"));
        var names = metrics.Select(metric => metric.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "bot.turns", "bot.turn.duration", "bot.answers", "bot.answer.confidence", "bot.ratelimit.refusals", "http.server.request.duration" }, names);
    }
}
