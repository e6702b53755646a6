using OnePassword.Users.Cli.Activity;

namespace OnePassword.Users.Cli.Progress;

/// <summary>
/// The time a bulk run still needs: the larger of what the rate limit allows for the calls still
/// to make and what the recent pace per target (its median) predicts. The rate limit dominates
/// after the first burst (100 calls a minute), which a pace alone would not see coming; the pace
/// dominates when the API itself is slow.
/// </summary>
internal static class EtaEstimate
{
    /// <returns>The estimate, or null when there is nothing to go on yet.</returns>
    public static TimeSpan? Compute(BulkProgressSnapshot progress, ActivitySnapshot activity, RateLimitForecast forecast)
    {
        var remainingTargets = progress.Total - progress.Done;
        if (remainingTargets <= 0)
        {
            return TimeSpan.Zero;
        }

        if (progress.Pace is not { } pace)
        {
            return null;
        }

        var byRateLimit = forecast.UntilStarted(progress.RemainingCalls, activity.ApiSends, activity.Now) + (activity.AverageLatency ?? TimeSpan.Zero);
        var byPace = pace * remainingTargets;
        return byRateLimit > byPace ? byRateLimit : byPace;
    }
}
