namespace Bot.Web.DirectLine;

/// <summary>What a Direct Line token grants: one conversation, for one user, until it expires.</summary>
/// <param name="ConversationId">The only conversation the token opens.</param>
/// <param name="UserId">The user the token speaks for.</param>
/// <param name="Scope"><see cref="DirectLineTokens.ConversationScope"/> for the REST API, <see cref="DirectLineTokens.StreamScope"/> for opening the WebSocket.</param>
/// <param name="Expires">When it stops working.</param>
public sealed record TokenClaims(string ConversationId, string UserId, string Scope, DateTimeOffset Expires);
