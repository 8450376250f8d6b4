using Bot.Knowledge.Answers;
using Bot.Knowledge.Retrieval;
using Bot.Knowledge.Semantic;
using Bot.Storage;
using Bot.Web.Apis;
using Bot.Web.Authentication;
using Bot.Web.Connector;
using Bot.Web.DirectLine;
using Bot.Web.Telemetry;

namespace Bot.Web.Hosting;

/// <summary>The composition root: configuration from the repository's root appsettings.json, and every service the host uses.</summary>
public static class BotServiceExtensions
{
    /// <summary>The port Bot Framework tools expect a local bot on.</summary>
    public const string DefaultUrl = "http://localhost:3978";

    /// <summary>Registers the bot's services.</summary>
    public static WebApplicationBuilder AddBotServices(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var root = FindSettingsDirectory(builder.Environment.ContentRootPath);
        if (root is not null)
        {
            // The repository's settings come first, so environment variables and command-line arguments override them.
            var settings = new ConfigurationBuilder().AddJsonFile(Path.Combine(root, "appsettings.json"), optional: false, reloadOnChange: false);
            ((IConfigurationBuilder)builder.Configuration).Sources.Insert(0, settings.Sources[0]);
        }

        // ASPNETCORE_URLS / ASPNETCORE_HTTP_PORTS (set by App Service and containers) or --urls win over the default.
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var services = builder.Services;
        services.Configure<BotOptions>(builder.Configuration);
        services.Configure<KnowledgeOptions>(builder.Configuration.GetSection("Knowledge"));
        services.PostConfigure<KnowledgeOptions>(options =>
        {
            options.CorpusDirectory = Path.GetFullPath(Path.Combine(root ?? builder.Environment.ContentRootPath, options.CorpusPath));
            options.IndexDirectory = Path.GetFullPath(Path.Combine(root ?? builder.Environment.ContentRootPath, options.IndexPath));
        });
        services.Configure<SearchOptions>(builder.Configuration.GetSection("Search"));
        services.Configure<AnswerOptions>(builder.Configuration.GetSection("Answers"));
        services.Configure<ClinicOptions>(builder.Configuration.GetSection("Clinic"));
        services.Configure<AdminOptions>(builder.Configuration.GetSection("Admin"));
        services.AddSingleton(TimeProvider.System);
        services.AddBotStorage(builder.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions(), root ?? builder.Environment.ContentRootPath);
        services.AddHostedService<ClinicSettingsCheck>();
        // Repeated questions (FAQ traffic) skip the model: the cache holds question vectors only, which no corpus reload changes.
        services.AddSingleton<IEmbedder>(_ => new QueryEmbeddingCache(MiniLmEmbedder.Shared));
        services.AddSingleton<KnowledgeBaseLoader>();
        services.AddHostedService(provider => provider.GetRequiredService<KnowledgeBaseLoader>());
        services.AddBotAuthentication();
        services.AddConnector(builder.Configuration.GetSection("Connector").Get<ConnectorOptions>() ?? new ConnectorOptions());
        services.AddSingleton<DeliveryDeduplicator>();
        services.AddSingleton<TurnRunner>();
        services.AddSingleton<BotAdapter>();
        services.Configure<DirectLineOptions>(builder.Configuration.GetSection("DirectLine"));
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineChannel>();
        var directLine = builder.Configuration.GetSection("DirectLine").Get<DirectLineOptions>() ?? new DirectLineOptions();
        services.AddCors(cors => cors.AddPolicy(WidgetApi.CorsPolicy, policy =>
        {
            if (directLine.AllowedOrigins.Contains("*"))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.SetIsOriginAllowed(directLine.AllowsOrigin);
            }

            // Retry-After is exposed so a page's Direct Line client can read how long to wait after a 429.
            policy.WithMethods("GET", "POST").WithHeaders("Authorization", "Content-Type", "Accept", "x-ms-bot-agent", "x-requested-with").WithExposedHeaders("Retry-After").SetPreflightMaxAge(TimeSpan.FromMinutes(10));
        }));
        services.AddBotTelemetry(builder.Configuration);
        services.AddBotRateLimits(builder.Configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions());
        return builder;
    }

    /// <summary>
    /// The nearest folder at or above the assembly (a build in the repository, or a published folder with the settings
    /// copied in) holding appsettings.json and corpus/; failing that, at or above the current folder or <paramref name="contentRoot"/>.
    /// </summary>
    private static string? FindSettingsDirectory(string contentRoot)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, contentRoot })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "appsettings.json")) && Directory.Exists(Path.Combine(directory.FullName, "corpus")))
                {
                    return directory.FullName;
                }
            }
        }

        return null;
    }
}
