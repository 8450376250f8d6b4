namespace Bot.Core.Schema;

/// <summary>The HTTP status and JSON body an invoke activity is answered with.</summary>
/// <param name="Status">HTTP status code.</param>
/// <param name="Body">The body, serialized as JSON; null for none.</param>
public sealed record InvokeResponse(int Status, object? Body);
