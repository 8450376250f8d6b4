using Bot.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Web.Authentication;

/// <summary>Says at start-up, once, that the bot runs without authentication when no app id is configured.</summary>
public sealed partial class AnonymousModeWarning(IOptions<BotOptions> options, ILogger<AnonymousModeWarning> logger) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IsAnonymous)
        {
            LogAnonymous(logger);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "MicrosoftAppId is empty: /api/messages is unauthenticated and accepts only direct requests from this machine (the Emulator), replying only to loopback serviceUrls. Set MicrosoftAppId before exposing the bot.")]
    private static partial void LogAnonymous(ILogger logger);
}
