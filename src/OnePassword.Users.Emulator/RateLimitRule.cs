namespace OnePassword.Users.Emulator;

/// <summary>At most <paramref name="Limit"/> users requests per OAuth client within any rolling <paramref name="Window"/>.</summary>
/// <param name="Limit">The number of requests allowed within the window; at least 1.</param>
/// <param name="Window">The length of the rolling window; positive.</param>
public sealed record RateLimitRule(int Limit, TimeSpan Window);
