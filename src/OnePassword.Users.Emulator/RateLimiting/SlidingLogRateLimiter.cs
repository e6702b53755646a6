namespace OnePassword.Users.Emulator.RateLimiting;

/// <summary>
/// Exact rolling-window limits per OAuth client: for every rule a log of the timestamps of
/// accepted requests. A request is accepted when, for every rule, fewer than <c>Limit</c>
/// accepted requests lie within the last <c>Window</c>; only accepted requests are logged, so
/// rejected ones never use up a slot. Time comes from the emulator's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class SlidingLogRateLimiter
{
    private readonly IReadOnlyList<RateLimitRule> _rules;
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, Queue<DateTimeOffset>[]> _logsByClient = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public SlidingLogRateLimiter(IReadOnlyList<RateLimitRule> rules, TimeProvider timeProvider)
    {
        _rules = [.. rules];
        _timeProvider = timeProvider;
    }

    public RateLimitDecision TryAcquire(string clientId)
    {
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (!_logsByClient.TryGetValue(clientId, out var logs))
            {
                logs = [.. _rules.Select(_ => new Queue<DateTimeOffset>())];
                _logsByClient.Add(clientId, logs);
            }

            var retryAfter = TimeSpan.Zero;
            for (var i = 0; i < _rules.Count; i++)
            {
                var (rule, log) = (_rules[i], logs[i]);
                while (log.Count > 0 && log.Peek() <= now - rule.Window)
                {
                    log.Dequeue();
                }

                if (log.Count >= rule.Limit)
                {
                    // The oldest logged request leaves the window first; that frees the next slot.
                    var wait = log.Peek() + rule.Window - now;
                    retryAfter = wait > retryAfter ? wait : retryAfter;
                }
            }

            if (retryAfter > TimeSpan.Zero)
            {
                return new RateLimitDecision(false, retryAfter);
            }

            foreach (var log in logs)
            {
                log.Enqueue(now);
            }

            return RateLimitDecision.Allow;
        }
    }
}
