using System.Security.Cryptography;
using Bot.Core.Schema;
using Bot.Web.Authentication;
using Bot.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Web.Tests.Authentication;

public sealed class ChannelTokenValidatorTests : IDisposable
{
    private readonly TokenIssuer _issuer = new();
    private readonly ManualClock _clock = new();
    private readonly SigningKeyCache _keys;
    private readonly ChannelTokenValidator _sut;

    public ChannelTokenValidatorTests()
    {
        _keys = new SigningKeyCache(new HttpClient(_issuer, disposeHandler: false), _clock);
        _sut = Validator(new BotOptions { MicrosoftAppId = TokenIssuer.AppId });
    }

    public void Dispose()
    {
        _keys.Dispose();
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
        var token = _issuer.Token(claims => claims["exp"] = DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds());

        Assert.Equal("token expired", await _sut.ValidateAsync("Bearer " + token, Activity(), CancellationToken.None));
    }

    [Fact]
    public async Task Validate_ExpiredWithinSkew_Succeeds()
    {
        var token = _issuer.Token(claims => claims["exp"] = DateTimeOffset.UtcNow.AddMinutes(-4).ToUnixTimeSeconds());

        Assert.Null(await _sut.ValidateAsync("Bearer " + token, Activity(), CancellationToken.None));
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

        Assert.Equal("algorithm not allowed", await _sut.ValidateAsync("Bearer " + token, Activity(), CancellationToken.None));
    }

    [Fact]
    public async Task Validate_KeyNotEndorsedForTheChannel_IsRefused()
    {
        Assert.Equal("key not endorsed for the channel", await _sut.ValidateAsync("Bearer " + _issuer.Token(), Activity(channelId: "slack"), CancellationToken.None));
    }

    [Fact]
    public async Task Validate_ServiceUrlClaimDiffersFromActivity_IsRefused()
    {
        var activity = Activity(serviceUrl: "https://attacker.example/");

        Assert.Equal("serviceurl claim does not match the activity", await _sut.ValidateAsync("Bearer " + _issuer.Token(), activity, CancellationToken.None));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic abc")]
    [InlineData("Bearer")]
    [InlineData("Bearer a.b")]
    [InlineData("Bearer !!!.???.***")]
    public async Task Validate_MissingOrMalformedHeader_IsRefused(string? authorization)
    {
        Assert.NotNull(await _sut.ValidateAsync(authorization, Activity(), CancellationToken.None));
    }

    [Fact]
    public async Task Validate_KeyRolledOver_FetchesKeysAgainOnTheUnknownKid()
    {
        Assert.Null(await _sut.ValidateAsync("Bearer " + _issuer.Token(), Activity(), CancellationToken.None));
        _issuer.Publish("key-2", "msteams");
        _clock.Advance(TimeSpan.FromMinutes(6));

        Assert.Null(await _sut.ValidateAsync("Bearer " + _issuer.Token(keyId: "key-2"), Activity(), CancellationToken.None));
        Assert.Equal(2, _issuer.MetadataFetches);
    }

    [Fact]
    public async Task Validate_UnknownKidsInQuickSuccession_FetchKeysAtMostOncePerInterval()
    {
        Assert.Null(await _sut.ValidateAsync("Bearer " + _issuer.Token(), Activity(), CancellationToken.None));

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("signing key unknown", await _sut.ValidateAsync("Bearer " + _issuer.Token(keyId: $"forged-{i}", signWith: RSA.Create()), Activity(), CancellationToken.None));
        }

        Assert.Equal(1, _issuer.MetadataFetches);
    }

    [Fact]
    public async Task Validate_EntraV2TokenIssuedToThisBot_Succeeds()
    {
        var token = _issuer.Token(claims =>
        {
            claims["iss"] = AuthenticationConstants.EntraIssuers[1];
            claims["ver"] = "2.0";
            claims["azp"] = TokenIssuer.AppId;
            claims.Remove("serviceurl");
        });

        Assert.Null(await _sut.ValidateAsync("Bearer " + token, Activity(), CancellationToken.None));
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

    private static Activity Activity(string channelId = "msteams", string serviceUrl = TokenIssuer.ServiceUrl) =>
        new() { Type = ActivityTypes.Message, ChannelId = channelId, ServiceUrl = serviceUrl };

    private ChannelTokenValidator Validator(BotOptions options) => new(_keys, Options.Create(options), _clock);
}
