using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Redis.Tests;

internal static class Support
{
    public static string UniqueKey() => Guid.NewGuid().ToString("N");

    public static RateLimiterRequest Request(string partition, int limit, TimeSpan window, TimeProvider? time = null, ILoggerFactory? loggers = null) =>
        new(partition, new RateLimitOptions { Rules = [new RateLimitRule(limit, window)], SafetyMargin = TimeSpan.Zero }, time ?? TimeProvider.System, loggers ?? NullLoggerFactory.Instance, "test");

    /// <summary>Real time shifted by a fixed offset: a worker whose wall clock is wrong.</summary>
    public sealed class SkewedClock(TimeSpan skew) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + skew;
    }
}
