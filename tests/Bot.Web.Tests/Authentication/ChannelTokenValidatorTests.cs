using System.Security.Cryptography;
using Bot.Core.Schema;
using Bot.Web.Authentication;
using Bot.Web.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Web.Tests.Authentication;

public sealed class ChannelTokenValidatorTests : IDisposable
{
    private static readonly string[] AlgorithmRefusals = ["algorithm not allowed", "signature invalid"];
    private readonly TokenIssuer _issuer = new();
    private readonly HttpClient _http;
    private readonly OpenIdMetadata _metadata;
    private readonly ChannelTokenValidator _sut;

    public ChannelTokenValidatorTests()
    {
        _http = new HttpClient(_issuer, disposeHandler: false);
        _metadata = new OpenIdMetadata(_http);
        _sut = Validator(new BotOptions { MicrosoftAppId = TokenIssuer.AppId });
    }

    public void Dispose()
    {
        _http.Dispose();
        _issuer.Dispose();
    }

    [Theory]
    [InlineData("RS256")]
    [InlineData("RS384")]
    [InlineData("RS512")]
    public async Task Validate_ChannelTokenForThisBot_Succeeds(string algorithm)
    {
        Assert.Null(await _sut.ValidateAsync("Bearer " + _issuer.Token(algorithm: algorithm), Activity(), CancellationToken.None));
    }

    [Fact]
    public async Task Validate_ExpiredBeyondSkew_IsRefused()
    {
        var token = _issuer.Token(claims =>
        {
            claims["nbf"] = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds();
            claims["exp"] = DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds();
        });

        Assert.Equal("token expired", await _sut.ValidateAsync("Bearer " + token, Activity(), CancellationToken.None));
    }

    [Fact]
    public async Task Validate_ExpiredWithinSkew_Succeeds()
    {
        var token = _issuer.Token(claims =>
        {
            claims["nbf"] = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds();
            claims["exp"] = DateTimeOffset.UtcNow.AddMinutes(-4).ToUnixTimeSeconds();
        });

        Assert.Null(await _sut.ValidateAsync("Bearer " + token, Activity(), CancellationToken.None));
    }

    [Fact]
    public async Task Validate_NoExpiry_IsRefused()
    {
        var token = _issuer.Token(claims => claims.Remove("exp"));

        Assert.Equal("token expired", await _sut.ValidateAsync("Bearer " + token, Activity(), CancellationToken.None));
    }

    [Fact]
    public async Task Validate_WrongAudience_IsRefused()
    {
        var token = _issuer.Token(claims => claims["aud"] = "another-bot");

        Assert.Equal("audience is not this bot", await _sut.ValidateAsync("Bearer " + token, Activity(), CancellationToken.None));
    }

    [Fact]
    public async Task Validate_UntrustedIssuer_IsRefused()
    {
        var token = _issuer.Token(claims => claims["iss"] = "https://evil.example");

        Assert.Equal("issuer not trusted", await _sut.ValidateAsync("Bearer " + token, Activity(), CancellationToken.None));
    }

    [Fact]
    public async Task Validate_SignedWithAnotherKeyUnderAKnownKid_IsRefused()
    {
        using var forger = RSA.Create(2048);

        Assert.Equal("signature invalid", await _sut.ValidateAsync("Bearer " + _issuer.Token(signWith: forger), Activity(), CancellationToken.None));
    }

    [Theory]
    [InlineData("HS256")]
    [InlineData("none")]
    [InlineData("PS256")]
    public async Task Validate_AlgorithmNotAllowed_IsRefused(string algorithm)
    {
        var token = _issuer.Token(algorithm: algorithm);

        // IdentityModel reports an algorithm outside ValidAlgorithms as a signature that does not validate.
        Assert.Contains(await _sut.ValidateAsync("Bearer " + token, Activity(), CancellationToken.None), AlgorithmRefusals);
    }

    [Fact]
    public async Task Validate_KeyNotEndorsedForTheChannel_IsRefused()
    {
        Assert.Equal("key not endorsed for the channel", await _sut.ValidateAsync("Bearer " + _issuer.Token(), Activity(channelId: "slack"), CancellationToken.None));
    }

    [Fact]
    public async Task Validate_ChannelKeyWithoutEndorsements_IsRefused()
    {
        _issuer.Publish("bare-key");

        Assert.Equal("key not endorsed for the channel", await _sut.ValidateAsync("Bearer " + _issuer.Token(keyId: "bare-key"), Activity(), CancellationToken.None));
    }

    [Fact]
    public async Task Validate_ServiceUrlClaimDiffersFromActivity_IsRefused()
    {
        var activity = Activity(serviceUrl: "https://attacker.example/");

        Assert.Equal("serviceurl claim does not match the activity", await _sut.ValidateAsync("Bearer " + _issuer.Token(), activity, CancellationToken.None));
    }

    [Fact]
    public async Task Validate_ChannelTokenWithoutServiceUrlClaim_IsRefused()
    {
        var token = _issuer.Token(claims => claims.Remove("serviceurl"));

        Assert.Equal("serviceurl claim does not match the activity", await _sut.ValidateAsync("Bearer " + token, Activity(), CancellationToken.None));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic abc")]
    [InlineData("Bearer")]
    [InlineData("Bearer a.b")]
    [InlineData("Bearer !!!.???.***")]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiJ9.e30")]
    public async Task Validate_MissingOrMalformedHeader_IsRefused(string? authorization)
    {
        Assert.NotNull(await _sut.ValidateAsync(authorization, Activity(), CancellationToken.None));
    }

    [Fact]
    public async Task Validate_KeyRolledOver_FetchesKeysAgainOnTheUnknownKid()
    {
        Assert.Null(await _sut.ValidateAsync("Bearer " + _issuer.Token(), Activity(), CancellationToken.None));
        _issuer.Publish("key-2", "msteams");

        Assert.Null(await _sut.ValidateAsync("Bearer " + _issuer.Token(keyId: "key-2"), Activity(), CancellationToken.None));
        Assert.Equal(2, _issuer.MetadataFetches);
    }

    [Fact]
    public async Task Validate_UnknownKidFlood_FetchesKeysOncePerThrottleWindow()
    {
        Assert.Null(await _sut.ValidateAsync("Bearer " + _issuer.Token(), Activity(), CancellationToken.None));
        using var forger = RSA.Create(2048);

        var refusals = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            _sut.ValidateAsync("Bearer " + _issuer.Token(keyId: $"forged-{i}", signWith: forger), Activity(), CancellationToken.None)));

        Assert.All(refusals, refusal => Assert.Equal("signing key unknown", refusal));
        Assert.Equal(2, _issuer.MetadataFetches);
        Assert.Null(await _sut.ValidateAsync("Bearer " + _issuer.Token(), Activity(), CancellationToken.None));
    }

    [Fact]
    public async Task Validate_MetadataUnreachableFromTheStart_RefusesWithoutThrowing()
    {
        _issuer.Unreachable = true;

        Assert.Equal("signing keys unavailable", await _sut.ValidateAsync("Bearer " + _issuer.Token(), Activity(), CancellationToken.None));
    }

    [Fact]
    public async Task Validate_MetadataBackAfterAnOutage_ValidatesAgain()
    {
        _issuer.Unreachable = true;
        Assert.Equal("signing keys unavailable", await _sut.ValidateAsync("Bearer " + _issuer.Token(), Activity(), CancellationToken.None));
        _issuer.Unreachable = false;

        string? refusal = "not tried";
        for (var attempt = 0; attempt < 40 && refusal is not null; attempt++)
        {
            await Task.Delay(100);
            refusal = await _sut.ValidateAsync("Bearer " + _issuer.Token(), Activity(), CancellationToken.None);
        }

        Assert.Null(refusal);
    }

    [Fact]
    public async Task Validate_MetadataOutageAfterKeysWereFetched_KeepsTheLastGoodKeys()
    {
        Assert.Null(await _sut.ValidateAsync("Bearer " + _issuer.Token(), Activity(), CancellationToken.None));
        _issuer.Unreachable = true;
        using var forger = RSA.Create(2048);

        Assert.Equal("signing key unknown", await _sut.ValidateAsync("Bearer " + _issuer.Token(keyId: "new-key", signWith: forger), Activity(), CancellationToken.None));
        Assert.Null(await _sut.ValidateAsync("Bearer " + _issuer.Token(), Activity(), CancellationToken.None));
    }

    [Fact]
    public async Task Validate_EntraV2TokenIssuedToThisBot_Succeeds()
    {
        var token = _issuer.Token(claims =>
        {
            claims["iss"] = BotCloud.Public.EntraIssuers[1];
            claims["ver"] = "2.0";
            claims["azp"] = TokenIssuer.AppId;
            claims.Remove("serviceurl");
        });

        Assert.Null(await _sut.ValidateAsync("Bearer " + token, Activity(), CancellationToken.None));
    }

    [Fact]
    public async Task Validate_EntraV1TokenIssuedToAnotherApp_IsRefused()
    {
        var token = _issuer.Token(claims =>
        {
            claims["iss"] = BotCloud.Public.EntraIssuers[0];
            claims["appid"] = "someone-else";
        });

        Assert.Equal("token was not issued to this bot", await _sut.ValidateAsync("Bearer " + token, Activity(), CancellationToken.None));
    }

    [Fact]
    public async Task Validate_BotTenantIssuer_OnlyForSingleTenantBots()
    {
        const string tenant = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
        var token = _issuer.Token(claims =>
        {
            claims["iss"] = $"https://sts.windows.net/{tenant}/";
            claims["appid"] = TokenIssuer.AppId;
        });
        var singleTenant = Validator(new BotOptions { MicrosoftAppId = TokenIssuer.AppId, MicrosoftAppType = "SingleTenant", MicrosoftAppTenantId = tenant });

        Assert.Equal("issuer not trusted", await _sut.ValidateAsync("Bearer " + token, Activity(), CancellationToken.None));
        Assert.Null(await singleTenant.ValidateAsync("Bearer " + token, Activity(), CancellationToken.None));
    }

    [Fact]
    public async Task Validate_ConfiguredExtraIssuer_IsTrusted()
    {
        const string issuer = "https://login.microsoftonline.com/99999999-8888-7777-6666-555555555555/v2.0";
        var token = _issuer.Token(claims =>
        {
            claims["iss"] = issuer;
            claims["ver"] = "2.0";
            claims["azp"] = TokenIssuer.AppId;
        });
        var configured = Validator(new BotOptions { MicrosoftAppId = TokenIssuer.AppId, ValidTokenIssuers = [issuer] });

        Assert.Equal("issuer not trusted", await _sut.ValidateAsync("Bearer " + token, Activity(), CancellationToken.None));
        Assert.Null(await configured.ValidateAsync("Bearer " + token, Activity(), CancellationToken.None));
    }

    private static Activity Activity(string channelId = "msteams", string serviceUrl = TokenIssuer.ServiceUrl) =>
        new() { Type = ActivityTypes.Message, ChannelId = channelId, ServiceUrl = serviceUrl };

    private ChannelTokenValidator Validator(BotOptions options) => new(_metadata, Options.Create(options), NullLogger<ChannelTokenValidator>.Instance);
}
