namespace Bot.Web.DirectLine;

/// <summary>Who a Direct Line request speaks for: the secret's holder (any conversation), or a token's one conversation and user.</summary>
/// <param name="IsSecret">Whether the caller presented the secret.</param>
/// <param name="Claims">The token's claims; null for the secret.</param>
public sealed record DirectLineGrant(bool IsSecret, TokenClaims? Claims)
{
    /// <summary>Whether this grant may act in <paramref name="conversationId"/>.</summary>
    public bool Opens(string conversationId) => IsSecret || string.Equals(Claims?.ConversationId, conversationId, StringComparison.Ordinal);
}
