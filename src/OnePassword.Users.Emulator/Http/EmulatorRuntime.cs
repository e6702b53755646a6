using OnePassword.Users.Emulator.Paging;
using OnePassword.Users.Emulator.RateLimiting;

namespace OnePassword.Users.Emulator.Http;

/// <summary>Everything the request handlers share for one emulator instance.</summary>
internal sealed class EmulatorRuntime(EmulatorOptions options, EmulatorState state, EmulatorStatistics statistics, EmulatorFaults faults)
{
    public EmulatorState State { get; } = state;

    public EmulatorStatistics Statistics { get; } = statistics;

    public EmulatorFaults Faults { get; } = faults;

    public TimeProvider TimeProvider { get; } = options.TimeProvider;

    public TimeSpan TokenLifetime { get; } = options.TokenLifetime;

    public RetryAfterFormat RetryAfterFormat { get; } = options.RetryAfterFormat;

    /// <summary>The limiter, or <see langword="null"/> when rate limiting is disabled.</summary>
    public SlidingLogRateLimiter? RateLimiter { get; } =
        options.RateLimitingEnabled ? new SlidingLogRateLimiter(options.RateLimits, options.TimeProvider) : null;

    public PageTokenCodec PageTokens { get; } = new();
}
