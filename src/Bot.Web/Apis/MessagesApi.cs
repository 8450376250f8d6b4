using Bot.Web.Hosting;

namespace Bot.Web.Apis;

/// <summary>The Bot Framework endpoint Azure Bot Service, Teams and the Emulator post activities to.</summary>
public static class MessagesApi
{
    /// <summary>Maps <c>POST /api/messages</c>.</summary>
    public static IEndpointRouteBuilder MapMessagesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", (HttpContext http, BotAdapter adapter, CancellationToken cancellationToken) => adapter.ProcessAsync(http, cancellationToken));
        return app;
    }
}
