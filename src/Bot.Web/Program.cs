using Bot.Web.Apis;
using Bot.Web.Hosting;

// The widget and pages beside the assembly, so the built dll serves them from any working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot") });
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
