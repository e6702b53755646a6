namespace OnePassword.Users.Runtime;

/// <summary>
/// A rate limiter the API's answers can steer: a 429's <c>Retry-After</c> holds it, and one longer
/// than anyone should wait refuses it. <see cref="RateLimitingHandler"/> paces requests with one;
/// <see cref="RollingWindowRateLimiter"/> keeps the budget in this process, the Redis package's
/// limiter keeps it for a fleet.
/// </summary>
public abstract class ApiRateLimiter : System.Threading.RateLimiting.RateLimiter
{
    /// <summary>Grants nothing until <paramref name="duration"/> from now, to every caller sharing the budget. A shorter hold never shortens one in force.</summary>
    /// <param name="duration">How long to hold.</param>
    public abstract void HoldFor(TimeSpan duration);

    /// <summary>
    /// Fails every caller sharing the budget, waiting or new, until <paramref name="duration"/>
    /// from now: the API asked for a wait longer than <see cref="RateLimitOptions.MaxHold"/>.
    /// </summary>
    /// <param name="duration">How long the API asked to wait.</param>
    /// <param name="cause">The 429 that asked.</param>
    public abstract void Refuse(TimeSpan duration, RateLimitedException cause);
}
