using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Bot.Web.DirectLine;

/// <summary>
/// Issues and checks Direct Line tokens: <c>base64url(claims JSON) "." base64url(HMAC-SHA256)</c>, bound to one
/// conversation and user, with an expiry. The key is derived from <see cref="DirectLineOptions.Secret"/>, so every
/// replica that shares the secret accepts the others' tokens; without a secret it is random per process.
/// </summary>
public sealed class DirectLineTokens
{
    /// <summary>The scope of tokens for the REST API.</summary>
    public const string ConversationScope = "conversation";

    /// <summary>The scope of the short-lived token carried in <c>streamUrl</c>.</summary>
    public const string StreamScope = "stream";

    /// <summary>How long a stream URL can be opened after it is issued.</summary>
    public static readonly TimeSpan StreamLifetime = TimeSpan.FromMinutes(2);

    private readonly byte[] _key;
    private readonly byte[] _secret;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _clock;

    /// <summary>Derives the signing key from the configured secret.</summary>
    public DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock;
        _lifetime = options.Value.TokenLifetime;
        _secret = Encoding.UTF8.GetBytes(options.Value.Secret);
        _key = _secret.Length == 0
            ? RandomNumberGenerator.GetBytes(32)
            : HKDF.DeriveKey(HashAlgorithmName.SHA256, _secret, 32, info: "directline token signing"u8.ToArray());
    }

    /// <summary>A new conversation id: 128 random bits, URL-safe.</summary>
    public static string NewConversationId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>A new user id, in the <c>dl_</c> form Direct Line gives users it names itself.</summary>
    public static string NewUserId() => "dl_" + NewConversationId();

    /// <summary>A Conversation object for <paramref name="conversationId"/> and <paramref name="userId"/>, with a fresh token.</summary>
    public ConversationResponse Conversation(string conversationId, string userId, string? streamUrl = null) =>
        new(conversationId, Issue(conversationId, userId, ConversationScope, _lifetime), (int)_lifetime.TotalSeconds, streamUrl);

    /// <summary>Whether <paramref name="bearer"/> is the configured secret (never true without one), compared in constant time.</summary>
    public bool IsSecret(string bearer)
    {
        ArgumentNullException.ThrowIfNull(bearer);
        return _secret.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(bearer), _secret);
    }

    /// <summary>A token of <paramref name="scope"/> for <paramref name="conversationId"/> and <paramref name="userId"/>, valid for <paramref name="lifetime"/>.</summary>
    public string Issue(string conversationId, string userId, string scope, TimeSpan lifetime)
    {
        var claims = new TokenClaims(conversationId, userId, scope, _clock.GetUtcNow().Add(lifetime));
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Payload(claims.ConversationId, claims.UserId, claims.Scope, claims.Expires.ToUnixTimeSeconds()));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key, payload));
    }

    /// <summary>The token's claims, or why it is refused: <see cref="TokenCheck.Forged"/> or <see cref="TokenCheck.Expired"/>.</summary>
    public (TokenCheck Check, TokenClaims? Claims) Read(string token, string scope)
    {
        ArgumentNullException.ThrowIfNull(token);
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !TryDecode(token.AsSpan(0, dot), out var payload) || !TryDecode(token.AsSpan(dot + 1), out var signature)
            || !CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(_key, payload)))
        {
            return (TokenCheck.Forged, null);
        }

        Payload? read;
        try
        {
            read = JsonSerializer.Deserialize<Payload>(payload);
        }
        catch (JsonException)
        {
            return (TokenCheck.Forged, null);
        }

        if (read is null || read.Scope != scope || string.IsNullOrEmpty(read.Conversation) || string.IsNullOrEmpty(read.User))
        {
            return (TokenCheck.Forged, null);
        }

        var claims = new TokenClaims(read.Conversation, read.User, read.Scope, DateTimeOffset.FromUnixTimeSeconds(read.Expires));
        return claims.Expires <= _clock.GetUtcNow() ? (TokenCheck.Expired, claims) : (TokenCheck.Valid, claims);
    }

    private static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
    {
        // Base64Url.TryDecodeFromChars throws on characters outside the alphabet, so check them first.
        bytes = [];
        if (text.Length is 0 or > 4096 || !Base64Url.IsValid(text, out var length))
        {
            return false;
        }

        bytes = new byte[length];
        return Base64Url.TryDecodeFromChars(text, bytes, out _);
    }

    private sealed record Payload(
        [property: JsonPropertyName("c")] string Conversation,
        [property: JsonPropertyName("u")] string User,
        [property: JsonPropertyName("s")] string Scope,
        [property: JsonPropertyName("e")] long Expires);
}
