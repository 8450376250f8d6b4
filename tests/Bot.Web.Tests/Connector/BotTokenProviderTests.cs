using System.Net;
using System.Net.Http.Json;
using Bot.Web.Connector;
using Bot.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Web.Tests.Connector;

public sealed class BotTokenProviderTests
{
    [Theory]
    [InlineData("MultiTenant", "", "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token")]
    [InlineData("SingleTenant", "tenant-1", "https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token")]
    public async Task GetToken_ClientCredentials_AsksTheAppTypesTenantOnceUntilNearExpiry(string appType, string tenant, string expectedUrl)
    {
        var handler = new TokenEndpoint();
        var clock = new ManualClock();
        using var sut = new BotTokenProvider(new HttpClient(handler), Options.Create(new BotOptions { MicrosoftAppId = "app", MicrosoftAppPassword = "secret", MicrosoftAppType = appType, MicrosoftAppTenantId = tenant }), clock);

        var first = await sut.GetTokenAsync(CancellationToken.None);
        var cached = await sut.GetTokenAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(56));
        var renewed = await sut.GetTokenAsync(CancellationToken.None);

        Assert.Equal(("token-1", "token-1", "token-2"), (first, cached, renewed));
        Assert.Equal(expectedUrl, handler.Requests[0].Url);
        Assert.Contains("grant_type=client_credentials", handler.Requests[0].Body, StringComparison.Ordinal);
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default", handler.Requests[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetToken_UserAssignedMsiOutsideAppService_AsksTheInstanceMetadataServiceForTheIdentity()
    {
        var handler = new TokenEndpoint();
        using var sut = new BotTokenProvider(new HttpClient(handler), Options.Create(new BotOptions { MicrosoftAppId = "identity-client-id", MicrosoftAppType = "UserAssignedMSI", MicrosoftAppTenantId = "t" }), TimeProvider.System);

        Assert.Equal("token-1", await sut.GetTokenAsync(CancellationToken.None));
        Assert.StartsWith("http://169.254.169.254/metadata/identity/oauth2/token?", handler.Requests[0].Url, StringComparison.Ordinal);
        Assert.Contains("resource=https%3A%2F%2Fapi.botframework.com", handler.Requests[0].Url, StringComparison.Ordinal);
        Assert.Contains("client_id=identity-client-id", handler.Requests[0].Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetToken_NoAppId_IsNullWithoutCallingAnyone()
    {
        var handler = new TokenEndpoint();
        using var sut = new BotTokenProvider(new HttpClient(handler), Options.Create(new BotOptions()), TimeProvider.System);

        Assert.Null(await sut.GetTokenAsync(CancellationToken.None));
        Assert.Empty(handler.Requests);
    }

    private sealed class TokenEndpoint : HttpMessageHandler
    {
        public List<(string Url, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.RequestUri!.AbsoluteUri, request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = JsonContent.Create(new { token_type = "Bearer", expires_in = 3600, access_token = $"token-{Requests.Count}" }),
            };
        }
    }
}
