using Bot.Knowledge.Answers;
using Microsoft.Extensions.Options;

namespace Bot.Web.Hosting;

/// <summary>
/// Warns at start-up when declines and "Talk to the clinic" could only say "contact the clinic" (no phone, e-mail or
/// web page in <c>Clinic</c>), or when the shipped demo clinic is still configured.
/// </summary>
public sealed partial class ClinicSettingsCheck(IOptions<ClinicOptions> clinic, ILogger<ClinicSettingsCheck> logger) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!clinic.Value.HasContact)
        {
            LogNoContact(logger);
        }
        else if (clinic.Value.Demo)
        {
            LogDemo(logger, clinic.Value.Name);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clinic has no Phone, Email or Url: declines and \"Talk to the clinic\" cannot tell patients how to reach the clinic. Set them in appsettings.json or as Clinic__Phone, Clinic__Email, Clinic__Url")]
    private static partial void LogNoContact(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clinic holds the demo values ({Name}): set the clinic's own Name, Phone, Email, Hours and Url, and Clinic:Demo to false, before patients use the bot")]
    private static partial void LogDemo(ILogger logger, string name);
}
