using Bot.Web.Apis;
using Bot.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddBotServices();

var app = builder.Build();
app.UseExceptionHandler(failed => failed.Run(ApiError.FromUnhandledAsync));
app.UseSecurityHeaders();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseCors();
app.UseRateLimiter();
app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
app.MapHealthApi();
app.MapMessagesApi();
app.MapDirectLineApi();
app.MapWidgetApi();
app.MapAdminApi();
app.MapGet("/admin", () => Results.Redirect("/admin.html"));
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
