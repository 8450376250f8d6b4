using Microsoft.AspNetCore.Hosting;
using System.Net;

namespace Bot.Web.Tests.Apis;

public sealed class HealthApiTests(BotWebFactory factory) : IClassFixture<BotWebFactory>
{
    [Fact]
    public async Task Healthz_ProcessUp_IsOk()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_IndexLoaded_IsReady()
    {
        var client = await factory.CreateReadyClientAsync();

        Assert.Equal("ready", await client.GetStringAsync(new Uri("/readyz", UriKind.Relative)));
    }

    [Fact]
    public async Task Readyz_DatabaseUnreachable_Is503WhileTheProcessStaysUp()
    {
        await using var host = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Storage:Provider", "Postgres")
            .UseSetting("Storage:PostgresConnectionString", "Host=127.0.0.1;Port=1;Username=nobody;Password=x;Timeout=1"));
        var client = host.CreateClient();
        HttpResponseMessage readiness;
        var attempts = 0;
        do
        {
            await Task.Delay(100);
            readiness = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        }
        while (await readiness.Content.ReadAsStringAsync() == "loading" && ++attempts < 300);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readiness.StatusCode);
        Assert.Equal("storage unreachable", await readiness.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }
}
