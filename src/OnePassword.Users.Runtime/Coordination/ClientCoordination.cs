using Microsoft.Extensions.Logging;

namespace OnePassword.Users.Runtime;

/// <summary>
/// How clients that share one OAuth application across processes (a fleet of workers) share its
/// rate budget and its access token. Without it (<see cref="ApiClientOptions.Coordination"/> null)
/// the budget is shared by the clients of this process and each process has its own token. The
/// <c>OnePassword.Users.Redis</c> package provides one on Redis.
/// </summary>
public abstract class ClientCoordination
{
    /// <summary>The shared store of access tokens, or null to keep tokens in each process.</summary>
    public virtual IAccessTokenCache? TokenCache => null;

    /// <summary>Makes the rate limiter of one client. The client disposes it when it is disposed.</summary>
    /// <param name="request">Whose budget, with which rules.</param>
    /// <returns>The limiter.</returns>
    public abstract ApiRateLimiter CreateRateLimiter(RateLimiterRequest request);
}

/// <summary>What a <see cref="ClientCoordination"/> needs to make one client's rate limiter.</summary>
/// <param name="PartitionKey">Identifies the budget: a hash of the base URL and client id (<see cref="ClientRateLimiter.PartitionKey"/>), never a secret.</param>
/// <param name="Options">The rules and pacing settings.</param>
/// <param name="TimeProvider">The client's clock, for local waits; a fleet limiter takes its time from the shared store.</param>
/// <param name="LoggerFactory">Where the limiter logs.</param>
/// <param name="ClientName">The client's name in telemetry.</param>
public sealed record RateLimiterRequest(string PartitionKey, RateLimitOptions Options, TimeProvider TimeProvider, ILoggerFactory LoggerFactory, string ClientName)
{
    /// <summary>The client's instruments, for the limiter's own gauges.</summary>
    internal ApiTelemetry Telemetry { get; init; } = ApiTelemetry.Shared;
}
