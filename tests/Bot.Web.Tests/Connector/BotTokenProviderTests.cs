using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bot.Web.Authentication;
using Bot.Web.Connector;
using Bot.Web.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Moq;

namespace Bot.Web.Tests.Connector;

public sealed class BotTokenProviderTests : IDisposable
{
    private readonly TokenEndpoint _endpoint = new();
    private readonly HttpClient _http;
    private readonly Mock<IMsalHttpClientFactory> _factory = new();

    public BotTokenProviderTests()
    {
        _http = new HttpClient(_endpoint, disposeHandler: false);
        _factory.Setup(factory => factory.GetHttpClient()).Returns(_http);
    }

    public void Dispose()
    {
        _http.Dispose();
        _endpoint.Dispose();
    }

    [Theory]
    [InlineData("MultiTenant", "", "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token")]
    [InlineData("SingleTenant", "tenant-1", "https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token")]
    public async Task GetToken_ClientSecret_AsksTheAppTypesTenantOnceAndCaches(string appType, string tenant, string expectedUrl)
    {
        var sut = Provider(new BotOptions { MicrosoftAppId = "app", MicrosoftAppPassword = "secret", MicrosoftAppType = appType, MicrosoftAppTenantId = tenant });

        var first = await sut.GetTokenAsync(CancellationToken.None);
        var cached = await sut.GetTokenAsync(CancellationToken.None);

        Assert.Equal(("token-1", "token-1"), (first, cached));
        var request = Assert.Single(_endpoint.Requests);
        Assert.Equal(expectedUrl, request.Url);
        Assert.Contains("grant_type=client_credentials", request.Body, StringComparison.Ordinal);
        Assert.Contains("client_secret=secret", request.Body, StringComparison.Ordinal);
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetToken_GovernmentCloud_AsksTheGovernmentAuthorityForTheGovernmentScope()
    {
        var sut = Provider(new BotOptions { MicrosoftAppId = "app", MicrosoftAppPassword = "secret", ChannelService = BotCloud.GovernmentChannelService });

        await sut.GetTokenAsync(CancellationToken.None);

        var request = Assert.Single(_endpoint.Requests, request => request.Url.EndsWith("/token", StringComparison.Ordinal));
        Assert.Equal("https://login.microsoftonline.us/microsoftservices.onmicrosoft.us/oauth2/v2.0/token", request.Url, ignoreCase: true);
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.us%2F.default", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetToken_Certificate_SendsASignedClientAssertionAndNoSecret()
    {
        using var key = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=bot", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".pfx");
        await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        try
        {
            var sut = Provider(new BotOptions { MicrosoftAppId = "app", MicrosoftAppCertificatePath = path, MicrosoftAppCertificatePassword = "pfx-password" });

            Assert.Equal("token-1", await sut.GetTokenAsync(CancellationToken.None));
            var body = Assert.Single(_endpoint.Requests).Body;
            Assert.Contains("client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer", body, StringComparison.Ordinal);
            Assert.DoesNotContain("client_secret", body, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task GetToken_TokenServiceFailsOnce_IsRetriedByMsal()
    {
        _endpoint.Failures = 1;
        var sut = Provider(new BotOptions { MicrosoftAppId = "app", MicrosoftAppPassword = "secret" });

        Assert.Equal("token-2", await sut.GetTokenAsync(CancellationToken.None));
        Assert.Equal(2, _endpoint.Requests.Count);
    }

    [Fact]
    public async Task GetToken_UserAssignedMsiOnAVm_AsksTheInstanceMetadataServiceOnceEvenWithoutExpiresIn()
    {
        _endpoint.OmitExpiresIn = true;
        var sut = Provider(new BotOptions { MicrosoftAppId = "identity-client-id", MicrosoftAppType = "UserAssignedMSI", MicrosoftAppTenantId = "t" });

        Assert.Equal("token-1", await sut.GetTokenAsync(CancellationToken.None));
        Assert.Equal("token-1", await sut.GetTokenAsync(CancellationToken.None));
        var request = Assert.Single(_endpoint.Requests, request => request.Url.Contains("/metadata/identity/oauth2/token", StringComparison.Ordinal));
        Assert.StartsWith("http://169.254.169.254/metadata/identity/oauth2/token?", request.Url, StringComparison.Ordinal);
        Assert.Contains("resource=https://api.botframework.com&", request.Url, StringComparison.Ordinal);
        Assert.Contains("client_id=identity-client-id", request.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetToken_UserAssignedMsiOnAppService_AsksTheIdentityEndpointOnceEvenWithoutExpiresIn()
    {
        _endpoint.OmitExpiresIn = true;
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", "http://127.0.0.1:41741/msi/token");
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", "identity-header-secret");
        try
        {
            var sut = Provider(new BotOptions { MicrosoftAppId = "app-service-identity", MicrosoftAppType = "UserAssignedMSI", MicrosoftAppTenantId = "t" });

            Assert.Equal("token-1", await sut.GetTokenAsync(CancellationToken.None));
            Assert.Equal("token-1", await sut.GetTokenAsync(CancellationToken.None));
        }
        finally
        {
            Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", null);
            Environment.SetEnvironmentVariable("IDENTITY_HEADER", null);
        }

        var request = Assert.Single(_endpoint.Requests);
        Assert.StartsWith("http://127.0.0.1:41741/msi/token?", request.Url, StringComparison.Ordinal);
        Assert.Contains("client_id=app-service-identity", request.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetToken_NoAppId_IsNullWithoutCallingAnyone()
    {
        var sut = Provider(new BotOptions());

        Assert.Null(await sut.GetTokenAsync(CancellationToken.None));
        Assert.Empty(_endpoint.Requests);
    }

    [Theory]
    [InlineData("SingleTenant", "app", "secret", "", "MicrosoftAppTenantId")]
    [InlineData("UserAssignedMSI", "", "", "t", "client id")]
    [InlineData("MultiTenant", "app", "", "", "MicrosoftAppPassword")]
    [InlineData("Whatever", "app", "secret", "", "MicrosoftAppType")]
    public void Validate_WrongCredentials_FailWithAClearMessage(string appType, string appId, string password, string tenant, string expected)
    {
        var result = new BotOptionsValidator().Validate(null, new BotOptions { MicrosoftAppType = appType, MicrosoftAppId = appId, MicrosoftAppPassword = password, MicrosoftAppTenantId = tenant });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoAppId_IsFine()
    {
        Assert.True(new BotOptionsValidator().Validate(null, new BotOptions()).Succeeded);
    }

    private BotTokenProvider Provider(BotOptions options) => new(Options.Create(options), _factory.Object);

    private sealed class TokenEndpoint : HttpMessageHandler
    {
        public List<(string Url, string Body)> Requests { get; } = [];

        public int Failures { get; set; }

        public bool OmitExpiresIn { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.RequestUri!.AbsoluteUri, request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken)));
            if (Failures > 0)
            {
                Failures--;
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            }

            var token = $"token-{Requests.Count}";
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = OmitExpiresIn
                    ? JsonContent.Create(new { token_type = "Bearer", access_token = token, expires_on = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), resource = "https://api.botframework.com" })
                    : JsonContent.Create(new { token_type = "Bearer", expires_in = 3600, access_token = token }),
            };
        }
    }
}
