using Bot.Core.State;
using Bot.Web.Hosting;

namespace Bot.Web.Apis;

/// <summary>Liveness and readiness for load balancers and App Service health checks.</summary>
public static class HealthApi
{
    /// <summary>Maps <c>/healthz</c> (the process is up) and <c>/readyz</c> (the index is loaded and the storage answers).</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", async (KnowledgeBaseLoader loader, IServiceProvider services, CancellationToken cancellationToken) =>
        {
            if (loader.Bot is null)
            {
                return Results.Text("loading", statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            if (services.GetService<IStoreMaintenance>() is { } store
                && (services.GetService<StorageInitializer>() is { IsMigrated: false } || !await store.IsReachableAsync(cancellationToken)))
            {
                return Results.Text("storage unreachable", statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            return Results.Text("ready");
        });
        return app;
    }
}
