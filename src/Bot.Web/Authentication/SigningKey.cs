using System.Security.Cryptography;

namespace Bot.Web.Authentication;

/// <summary>One RSA key from a JWKS document, with the channels it is endorsed for (empty: any).</summary>
/// <param name="Id">The key id (<c>kid</c>).</param>
/// <param name="Parameters">The public key.</param>
/// <param name="Endorsements">Channel ids the key may sign for; empty when the key carries no endorsements.</param>
public sealed record SigningKey(string Id, RSAParameters Parameters, IReadOnlyList<string> Endorsements);
