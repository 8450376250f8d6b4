using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Bot.Web.Telemetry;

/// <summary>
/// OpenTelemetry traces and metrics: ASP.NET Core and HttpClient instrumentation plus the bot's own
/// (<see cref="BotTelemetry"/>). Exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter
/// reads the other standard <c>OTEL_*</c> variables too); otherwise nothing leaves the process.
/// </summary>
public static class TelemetryServiceExtensions
{
    /// <summary>The service name traces and metrics carry.</summary>
    public const string ServiceName = "muscle-wasting-bot";

    /// <summary>Registers the providers, and the OTLP exporter when <paramref name="configuration"/> names an endpoint.</summary>
    public static IServiceCollection AddBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing.AddSource(BotTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics.AddMeter(BotTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return services;
    }
}
