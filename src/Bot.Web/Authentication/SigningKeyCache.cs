using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;

namespace Bot.Web.Authentication;

/// <summary>
/// Signing keys from OpenID metadata and its JWKS document, fetched on first use, kept for
/// <see cref="AuthenticationConstants.KeyRefreshInterval"/>, and fetched again early when a token names an unknown
/// key id (at most once per <see cref="AuthenticationConstants.UnknownKeyRefreshInterval"/>), so key rollover works
/// without letting forged key ids make the bot hammer the metadata endpoint.
/// </summary>
public sealed class SigningKeyCache(HttpClient http, TimeProvider clock) : IDisposable
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _fetch = new(1, 1);

    /// <summary>The key <paramref name="keyId"/> published at <paramref name="metadataUrl"/>, or null when there is none.</summary>
    public async Task<SigningKey?> FindAsync(string metadataUrl, string keyId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        _entries.TryGetValue(metadataUrl, out var entry);
        var stale = entry is null || now - entry.FetchedAt > AuthenticationConstants.KeyRefreshInterval;
        var unknown = entry is not null && !entry.Keys.ContainsKey(keyId) && now - entry.FetchedAt > AuthenticationConstants.UnknownKeyRefreshInterval;
        if (stale || unknown)
        {
            await _fetch.WaitAsync(cancellationToken);
            try
            {
                _entries.TryGetValue(metadataUrl, out entry);
                if (entry is null || entry.FetchedAt < now)
                {
                    entry = new Entry(await FetchAsync(metadataUrl, cancellationToken), clock.GetUtcNow());
                    _entries[metadataUrl] = entry;
                }
            }
            finally
            {
                _fetch.Release();
            }
        }

        return entry!.Keys.GetValueOrDefault(keyId);
    }

    /// <inheritdoc />
    public void Dispose() => _fetch.Dispose();

    private async Task<Dictionary<string, SigningKey>> FetchAsync(string metadataUrl, CancellationToken cancellationToken)
    {
        using var metadata = JsonDocument.Parse(await http.GetStringAsync(new Uri(metadataUrl), cancellationToken));
        var jwksUri = metadata.RootElement.GetProperty("jwks_uri").GetString() ?? throw new JsonException("OpenID metadata without jwks_uri.");
        using var jwks = JsonDocument.Parse(await http.GetStringAsync(new Uri(jwksUri), cancellationToken));
        var keys = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        foreach (var key in jwks.RootElement.GetProperty("keys").EnumerateArray())
        {
            if (key.TryGetProperty("kty", out var type) && type.ValueEquals("RSA")
                && key.TryGetProperty("kid", out var id) && id.GetString() is { } keyId
                && key.TryGetProperty("n", out var modulus) && key.TryGetProperty("e", out var exponent))
            {
                var endorsements = key.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().Select(item => item.GetString()).OfType<string>().ToArray()
                    : [];
                var parameters = new RSAParameters { Modulus = Base64Url.DecodeFromChars(modulus.GetString()), Exponent = Base64Url.DecodeFromChars(exponent.GetString()) };
                keys[keyId] = new SigningKey(keyId, parameters, endorsements);
            }
        }

        return keys;
    }

    private sealed record Entry(Dictionary<string, SigningKey> Keys, DateTimeOffset FetchedAt);
}
