using Bot.Web.Hosting;

namespace Bot.Web.Apis;

/// <summary>Liveness and readiness for load balancers and App Service health checks.</summary>
public static class HealthApi
{
    /// <summary>Maps <c>/healthz</c> (the process is up) and <c>/readyz</c> (the index is loaded).</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", (KnowledgeBaseLoader loader) => loader.Bot is null
            ? Results.Text("loading", statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Text("ready"));
        return app;
    }
}
