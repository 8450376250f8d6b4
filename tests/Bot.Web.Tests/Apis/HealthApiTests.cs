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
}
