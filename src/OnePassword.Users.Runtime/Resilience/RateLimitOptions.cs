namespace OnePassword.Users.Runtime;

/// <summary>Settings of the client-side rate limiter (<see cref="RateLimitingHandler"/>).</summary>
public sealed class RateLimitOptions
{
    /// <summary>Whether requests are paced on the client. Default <see langword="true"/>.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The limits every request must fit in, all at once. Default: the Users API's 100 a minute and 6000 an hour.</summary>
    public IReadOnlyList<RateLimitRule> Rules { get; init; } = [RateLimitRule.UsersApiPerMinute, RateLimitRule.UsersApiPerHour];

    /// <summary>
    /// Added to every window. The client takes a permit before sending and the server counts
    /// the request when it arrives; when one request is slower on the way than the next, pacing
    /// to the exact window would land both in one server window. The margin must exceed that
    /// difference in latency. Default 1 second: at 100 a minute that still paces to 98% of the limit.
    /// </summary>
    public TimeSpan SafetyMargin { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a request may wait for a permit before it fails with
    /// <see cref="ClientRateLimitExceededException"/>. Default <see cref="Timeout.InfiniteTimeSpan"/>:
    /// a bulk job waits its turn, bounded only by the caller's cancellation token and
    /// <see cref="HttpClient.Timeout"/>.
    /// </summary>
    public TimeSpan MaxQueueWait { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>How many requests may wait for a permit at once; more fail at once. Default unlimited.</summary>
    public int QueueLimit { get; init; } = int.MaxValue;

    /// <summary>
    /// The longest time a server's 429 <c>Retry-After</c> holds back every caller sharing the
    /// limiter. Default 2 minutes, matching <see cref="RetryOptions.MaxRetryAfter"/>.
    /// </summary>
    public TimeSpan MaxHold { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The broken rules, each with its property name.</summary>
    internal IEnumerable<(string Key, string Message)> Problems()
    {
        if (Rules is null)
        {
            yield return (nameof(Rules), "must not be null.");
        }
        else
        {
            for (int i = 0; i < Rules.Count; i++)
            {
                RateLimitRule? rule = Rules[i];
                if (rule is null || rule.Limit < 1 || rule.Window <= TimeSpan.Zero)
                {
                    yield return ($"{nameof(Rules)}:{i}", $"needs a Limit of at least 1 and a positive Window, not {rule?.ToString() ?? "null"}.");
                }
            }
        }

        if (SafetyMargin < TimeSpan.Zero)
        {
            yield return (nameof(SafetyMargin), $"must not be negative, not {SafetyMargin}.");
        }

        if (MaxQueueWait != Timeout.InfiniteTimeSpan && MaxQueueWait < TimeSpan.Zero)
        {
            yield return (nameof(MaxQueueWait), $"must not be negative (or Timeout.InfiniteTimeSpan), not {MaxQueueWait}.");
        }

        if (QueueLimit < 0)
        {
            yield return (nameof(QueueLimit), $"must not be negative, not {QueueLimit}.");
        }

        if (MaxHold < TimeSpan.Zero)
        {
            yield return (nameof(MaxHold), $"must not be negative, not {MaxHold}.");
        }
    }

    internal void Validate()
    {
        foreach ((string key, string message) in Problems())
        {
            throw new ArgumentOutOfRangeException(key, $"RateLimitOptions.{key} {message}");
        }
    }
}
