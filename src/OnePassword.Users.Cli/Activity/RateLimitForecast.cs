using OnePassword.Users.Runtime;

namespace OnePassword.Users.Cli.Activity;

/// <summary>
/// Predicts the client-side rate limiter from the requests this process sent: at most
/// <c>Limit</c> sends in any <c>Window</c> (plus the limiter's safety margin), for every rule at
/// once. The tool is the limiter's only user in its process, so its own sends are the limiter's log.
/// </summary>
internal sealed class RateLimitForecast
{
    private readonly (int Limit, TimeSpan Window)[] _rules;

    public RateLimitForecast(RateLimitOptions options)
    {
        _rules = options.Enabled ? [.. options.Rules.Select(rule => (rule.Limit, rule.Window + options.SafetyMargin))] : [];
    }

    /// <summary>The most sends any rule remembers: how much history <see cref="ApiActivity"/> must keep.</summary>
    public int History => _rules.Length == 0 ? 1 : _rules.Max(rule => rule.Limit);

    /// <summary>How long until the limiter grants the next request; zero when it would now.</summary>
    /// <param name="sends">Past sends, oldest first.</param>
    /// <param name="now">The current time on the same clock.</param>
    public TimeSpan ResumeIn(IReadOnlyList<TimeSpan> sends, TimeSpan now) => UntilStarted(1, sends, now);

    /// <summary>How long until the last of <paramref name="calls"/> more requests can be sent, if they are sent as soon as allowed.</summary>
    /// <param name="calls">Requests still to send.</param>
    /// <param name="sends">Past sends, oldest first.</param>
    /// <param name="now">The current time on the same clock.</param>
    public TimeSpan UntilStarted(int calls, IReadOnlyList<TimeSpan> sends, TimeSpan now)
    {
        if (calls <= 0 || _rules.Length == 0)
        {
            return TimeSpan.Zero;
        }

        // Replays the limiter: each future send goes at the first instant every rule allows it.
        var log = new List<TimeSpan>(sends.Count + calls);
        log.AddRange(sends);
        var at = now;
        for (var call = 0; call < calls; call++)
        {
            at = now;
            foreach (var (limit, window) in _rules)
            {
                if (log.Count >= limit)
                {
                    var leaves = log[^limit] + window;
                    at = leaves > at ? leaves : at;
                }
            }

            log.Add(at);
        }

        return at - now;
    }
}
