using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Bot.Web.Connector;

/// <summary>
/// The connector's HTTP pipeline on Microsoft.Extensions.Http.Resilience. A reply is a POST that is not idempotent, so
/// only what certainly was not processed is sent again: a connection that could not be made, a 429, and a 503 that
/// says when to come back (Retry-After). A timeout or any other 5xx may have been processed and is not re-sent (a
/// duplicate reply is worse than a lost one, which the channel's own retry of the turn repairs), nor a reply the
/// connector asks to hold back longer than <see cref="ConnectorOptions.MaxRetryDelay"/>. At most
/// <see cref="MaxRequests"/> requests per reply, each limited to <see cref="ConnectorOptions.AttemptTimeout"/>.
/// </summary>
public static class ConnectorResilience
{
    /// <summary>The most requests one reply costs.</summary>
    public const int MaxRequests = 3;

    /// <summary>Adds the pipeline to the connector's HttpClient.</summary>
    public static IHttpClientBuilder AddConnectorResilience(this IHttpClientBuilder builder, ConnectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The pipeline's own per-attempt logging is off: ConnectorClient logs a failed reply once.
        builder.AddResilienceHandler("connector", pipeline => pipeline
            .ConfigureTelemetry(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = MaxRequests - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = options.MaxRetryDelay,
                ShouldRetryAfterHeader = true,
                ShouldHandle = arguments => ValueTask.FromResult(DidNotReachTheService(arguments.Outcome) && !AsksForLongerThan(arguments.Outcome, options.MaxRetryDelay)),
            })
            .AddTimeout(options.AttemptTimeout));
        return builder;
    }

    /// <summary>
    /// Whether the connector's Retry-After asks for a longer wait than <paramref name="longest"/> (Polly would honour it
    /// whatever its MaxDelay): the channel stops waiting for the turn long before, so the reply is given up instead.
    /// </summary>
    public static bool AsksForLongerThan(Outcome<HttpResponseMessage> outcome, TimeSpan longest) =>
        outcome.Result?.Headers.RetryAfter is { } retryAfter
        && (retryAfter.Delta ?? (retryAfter.Date - DateTimeOffset.UtcNow) ?? TimeSpan.Zero) > longest;

    /// <summary>Whether <paramref name="outcome"/> shows the request was not processed, so sending it again cannot duplicate it.</summary>
    public static bool DidNotReachTheService(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } } => true,
        { Result: { StatusCode: HttpStatusCode.TooManyRequests } } => true,
        { Result: { StatusCode: HttpStatusCode.ServiceUnavailable } response } => response.Headers.RetryAfter is not null,
        _ => false,
    };
}
