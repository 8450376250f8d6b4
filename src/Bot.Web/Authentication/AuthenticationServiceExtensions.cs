using Bot.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Web.Authentication;

/// <summary>Registers inbound token validation and the checks of the bot's credentials at start-up.</summary>
public static class AuthenticationServiceExtensions
{
    /// <summary>The name of the HttpClient that fetches OpenID metadata and signing keys.</summary>
    public const string MetadataClient = nameof(OpenIdMetadata);

    /// <summary>Adds <see cref="ChannelTokenValidator"/> and its metadata cache; wrong credentials stop start-up (<see cref="BotOptionsValidator"/>).</summary>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidator>();
        services.AddOptions<BotOptions>().ValidateOnStart();
        services.AddHostedService<AnonymousModeWarning>();
        services.AddHttpClient(MetadataClient, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton(provider => new OpenIdMetadata(provider.GetRequiredService<IHttpClientFactory>().CreateClient(MetadataClient)));
        services.AddSingleton<ChannelTokenValidator>();
        return services;
    }
}
