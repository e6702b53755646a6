namespace OnePassword.Users.Redis;

/// <summary>What the rate limiter does while Redis cannot be reached or does not answer in time.</summary>
public enum RedisFailureMode
{
    /// <summary>
    /// Pace with a local limiter that takes <see cref="RedisCoordinationOptions.FallbackShare"/> of
    /// the budget, log a warning (event 6001) and go back to the fleet's budget when Redis answers again.
    /// </summary>
    LocalFallback,

    /// <summary>Refuse every request with <see cref="OnePassword.Users.Runtime.ClientRateLimitExceededException"/> until Redis answers again: no call goes out unpaced.</summary>
    FailClosed,
}
