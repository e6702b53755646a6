using Microsoft.Extensions.Logging;

namespace OnePassword.Users.Runtime;

/// <summary>
/// What the handlers of one client's pipeline share: its settings and the long-lived state that
/// outlives any one handler (the token provider, the rate limiter, telemetry, the audit sink), so
/// handlers themselves stay cheap to create, as <c>IHttpClientFactory</c> creates them.
/// </summary>
internal sealed record PipelineContext(
    ApiClientOptions Options,
    TimeProvider TimeProvider,
    RetryOptions Retry,
    RateLimitOptions RateLimit,
    ApiRateLimiter? Limiter,
    ClientCredentialsTokenProvider? Tokens,
    AllowedHosts? AllowedHosts,
    TokenCacheOptions TokenOptions,
    ILoggerFactory LoggerFactory,
    ApiTelemetry Telemetry,
    IAuditSink AuditSink,
    string ClientName)
{
    /// <summary>
    /// Cancelled when the client is disposed: a call's deadline, once armed for a wait, also ends
    /// on it, so a call waiting for a permit, a token or a retry's delay does not outlive its client.
    /// </summary>
    public CancellationToken Stopping { get; init; }

    /// <summary>The log category of each component, under <c>OnePassword.Users</c>.</summary>
    public ILogger Logger(string component) => LoggerFactory.CreateLogger("OnePassword.Users." + component);
}
