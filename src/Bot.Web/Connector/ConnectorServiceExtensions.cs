namespace Bot.Web.Connector;

/// <summary>Registers what sends replies to a channel's connector: the bot's token (MSAL) and the resilient HttpClient.</summary>
public static class ConnectorServiceExtensions
{
    /// <summary>Adds <see cref="ConnectorClient"/> and <see cref="BotTokenProvider"/>, configured from <paramref name="options"/>.</summary>
    public static IServiceCollection AddConnector(this IServiceCollection services, ConnectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddHttpClient(MsalHttpClientFactory.ClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<Microsoft.Identity.Client.IMsalHttpClientFactory, MsalHttpClientFactory>();
        services.AddSingleton<BotTokenProvider>();
        services.AddHttpClient<ConnectorClient>(client => client.Timeout = Timeout.InfiniteTimeSpan).AddConnectorResilience(options);
        return services;
    }
}
