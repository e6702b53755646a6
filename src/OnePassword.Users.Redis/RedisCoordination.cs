using OnePassword.Users.Runtime;
using StackExchange.Redis;

namespace OnePassword.Users.Redis;

/// <summary>
/// Fleet coordination on Redis: every process that uses the same credentials and base URL shares
/// one rate budget (<see cref="RedisRateLimiter"/>, enforcing the spec's <c>x-rate-limits</c>) and,
/// with <see cref="RedisCoordinationOptions.TokenEncryptionKey"/>, one access token. Set it as
/// <see cref="ApiClientOptions.Coordination"/>, or call <c>UseRedis</c> on the registration.
/// </summary>
/// <remarks>Share one <see cref="IConnectionMultiplexer"/> per process, connected with <c>abortConnect=false</c> so it reconnects by itself.</remarks>
public sealed class RedisCoordination : ClientCoordination
{
    private readonly IConnectionMultiplexer _redis;
    private readonly RedisCoordinationOptions _options;

    /// <summary>Creates the coordination.</summary>
    /// <param name="redis">The process's Redis connection.</param>
    /// <param name="options">Keys, timeouts, the failure mode and the token key; defaults when null.</param>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public RedisCoordination(IConnectionMultiplexer redis, RedisCoordinationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _redis = redis;
        _options = options ?? new RedisCoordinationOptions();
        _options.Validate();
        TokenCache = _options.TokenEncryptionKey is { } key ? new RedisTokenCache(redis, _options, [.. key]) : null;
    }

    /// <inheritdoc />
    public override IAccessTokenCache? TokenCache { get; }

    /// <inheritdoc />
    public override ApiRateLimiter CreateRateLimiter(RateLimiterRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new RedisRateLimiter(_redis, _options, request);
    }
}
