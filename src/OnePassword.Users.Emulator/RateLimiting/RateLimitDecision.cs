namespace OnePassword.Users.Emulator.RateLimiting;

/// <summary>Whether a request may proceed and, when not, how long until a slot frees.</summary>
internal readonly record struct RateLimitDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static RateLimitDecision Allow { get; } = new(true, TimeSpan.Zero);
}
