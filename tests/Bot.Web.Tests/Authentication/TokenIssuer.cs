using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bot.Web.Authentication;

namespace Bot.Web.Tests.Authentication;

/// <summary>A stand-in for the Bot Framework's token service: RSA keys, the OpenID metadata and JWKS that publish them, and signed tokens.</summary>
public sealed class TokenIssuer : HttpMessageHandler
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string ServiceUrl = "https://smba.trafficmanager.net/teams/";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (RSA Key, string[] Endorsements)> _published = new();

    public TokenIssuer() => Publish("key-1", "msteams", "webchat");

    private int _metadataFetches;

    /// <summary>How many times the metadata has been fetched (or tried while <see cref="Unreachable"/>).</summary>
    public int MetadataFetches => _metadataFetches;

    /// <summary>Whether the metadata endpoint is down: every request fails to connect.</summary>
    public bool Unreachable { get; set; }

    /// <summary>Publishes a new key (as a key rollover does) and returns it.</summary>
    public RSA Publish(string keyId, params string[] endorsements)
    {
        var key = RSA.Create(2048);
        _published[keyId] = (key, endorsements);
        return key;
    }

    /// <summary>A signed token; <paramref name="change"/> edits the claims first.</summary>
    public string Token(Action<Dictionary<string, object>>? change = null, string keyId = "key-1", string algorithm = "RS256", RSA? signWith = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new Dictionary<string, object>
        {
            ["iss"] = BotCloud.Public.ChannelIssuer,
            ["aud"] = AppId,
            ["serviceurl"] = ServiceUrl,
            ["nbf"] = now - 60,
            ["exp"] = now + 3600,
        };
        change?.Invoke(claims);
        var header = Segment(new { alg = algorithm, kid = keyId, typ = "JWT" });
        var payload = Segment(claims);
        var key = signWith ?? (_published.TryGetValue(keyId, out var published) ? published.Key : Publish(keyId));
        var hash = algorithm switch { "RS384" => HashAlgorithmName.SHA384, "RS512" => HashAlgorithmName.SHA512, _ => HashAlgorithmName.SHA256 };
        var signature = key.SignData(Encoding.ASCII.GetBytes(header + "." + payload), hash, RSASignaturePadding.Pkcs1);
        return $"{header}.{payload}.{Base64Url.EncodeToString(signature)}";
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        object body;
        var uri = request.RequestUri!.AbsoluteUri;
        if (uri == BotCloud.Public.ChannelMetadataUrl || uri == BotCloud.Public.EntraMetadataUrl)
        {
            Interlocked.Increment(ref _metadataFetches);
            if (Unreachable)
            {
                throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (metadata endpoint down).");
            }

            body = new { issuer = BotCloud.Public.ChannelIssuer, jwks_uri = "https://keys.test/jwks" };
        }
        else if (uri == "https://keys.test/jwks")
        {
            body = new
            {
                keys = _published.ToArray().Select(pair =>
                {
                    var parameters = pair.Value.Key.ExportParameters(includePrivateParameters: false);
                    var n = Base64Url.EncodeToString(parameters.Modulus);
                    var e = Base64Url.EncodeToString(parameters.Exponent);
                    return pair.Value.Endorsements.Length == 0
                        ? (object)new { kty = "RSA", use = "sig", kid = pair.Key, n, e }
                        : new { kty = "RSA", use = "sig", kid = pair.Key, n, e, endorsements = pair.Value.Endorsements };
                }).ToArray(),
            };
        }
        else
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
        }

        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(body) });
    }

    protected override void Dispose(bool disposing)
    {
        foreach (var (key, _) in _published.Values)
        {
            key.Dispose();
        }

        base.Dispose(disposing);
    }

    private static string Segment(object value) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(value));
}
