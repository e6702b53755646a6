namespace OnePassword.Users.Runtime;

/// <summary>One rate limit: at most <paramref name="Limit"/> requests in any window of length <paramref name="Window"/>.</summary>
/// <param name="Limit">The most requests allowed in one window; at least 1.</param>
/// <param name="Window">The length of the rolling window; positive.</param>
public sealed record RateLimitRule(int Limit, TimeSpan Window)
{
    /// <summary>The Users API's per-minute limit: 100 requests a minute.</summary>
    public static RateLimitRule UsersApiPerMinute { get; } = new(100, TimeSpan.FromMinutes(1));

    /// <summary>The Users API's per-hour limit: 6000 requests an hour.</summary>
    public static RateLimitRule UsersApiPerHour { get; } = new(6000, TimeSpan.FromHours(1));

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Limit, 1, nameof(Limit));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Window, TimeSpan.Zero, nameof(Window));
    }
}
