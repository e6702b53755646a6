using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OnePassword.Users.Runtime;

/// <summary>
/// The process-wide registry of client-side rate limiters: every live client built for the same
/// API host and OAuth client shares one budget, because the server counts their requests together.
/// </summary>
/// <remarks>
/// Clients that share a budget must agree on how it is paced: a second client asking for other
/// rules, safety margin, queue limit or clock while the first is alive is refused with an
/// <see cref="ArgumentException"/> rather than quietly given the first one's settings. Once the
/// last client of a budget is disposed, its limiter is disposed and forgotten.
/// </remarks>
public static class ClientRateLimiter
{
    private static readonly Dictionary<string, Entry> s_limiters = new(StringComparer.Ordinal);
    private static readonly object s_gate = new();

    /// <summary>
    /// Returns a lease on the limiter for <paramref name="partitionKey"/>, creating it from
    /// <paramref name="options"/> when no live client uses it. Dispose the lease when the client is disposed.
    /// </summary>
    /// <param name="partitionKey">Identifies the budget, for example <see cref="PartitionKey"/>. Never put a secret in it.</param>
    /// <param name="options">The pacing settings; must match those of the other live clients of the budget.</param>
    /// <param name="timeProvider">The clock; must be the one the other live clients of the budget use.</param>
    /// <returns>The lease.</returns>
    /// <exception cref="ArgumentException">Another live client of the same budget paces with other settings; the message names both.</exception>
    public static SharedRateLimiter Acquire(string partitionKey, RateLimitOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        lock (s_gate)
        {
            if (s_limiters.TryGetValue(partitionKey, out Entry? entry))
            {
                if (!entry.Matches(options, timeProvider))
                {
                    throw new ArgumentException(
                        $"Another live client with the same base URL and client id paces with {Describe(entry.Limiter.Rules, entry.Limiter.SafetyMargin, entry.QueueLimit)}; " +
                        $"this one asks for {Describe(options.Rules, options.SafetyMargin, options.QueueLimit)}{(ReferenceEquals(entry.TimeProvider, timeProvider) ? string.Empty : " on another TimeProvider")}. " +
                        "Clients that share credentials share the server's budget, so they must use the same RateLimitOptions (Rules, SafetyMargin, QueueLimit) and clock; dispose the other client first or give this one the same settings.",
                        nameof(options));
                }

                entry.Clients++;
                return new SharedRateLimiter(partitionKey, entry.Limiter);
            }

            var limiter = new RollingWindowRateLimiter(options.Rules, options.SafetyMargin, timeProvider, options.QueueLimit);
            s_limiters[partitionKey] = new Entry(limiter, options.QueueLimit, timeProvider);
            return new SharedRateLimiter(partitionKey, limiter);
        }
    }

    /// <summary>
    /// A partition key for an API base URL and OAuth client id: a SHA-256 hash, so neither
    /// appears in memory dumps of the registry. The client secret must not be passed.
    /// </summary>
    /// <param name="baseUrl">The API base URL.</param>
    /// <param name="clientId">The OAuth client id.</param>
    /// <returns>An upper-case hexadecimal key.</returns>
    public static string PartitionKey(Uri baseUrl, string clientId)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(clientId);

        // Scheme and host compare case-insensitively; GetLeftPart normalises them and drops any
        // path, query or user info, which do not change whose budget a request spends.
        string authority = baseUrl.GetLeftPart(UriPartial.Authority).ToUpperInvariant();
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(authority + "\n" + clientId));
        return Convert.ToHexString(hash);
    }

    internal static void Release(string partitionKey, RollingWindowRateLimiter limiter)
    {
        lock (s_gate)
        {
            if (s_limiters.TryGetValue(partitionKey, out Entry? entry) && ReferenceEquals(entry.Limiter, limiter) && --entry.Clients == 0)
            {
                s_limiters.Remove(partitionKey);
                limiter.Dispose();
            }
        }
    }

    private static string Describe(IReadOnlyList<RateLimitRule> rules, TimeSpan margin, int queueLimit) =>
        string.Join(" and ", rules.Select(rule => $"{rule.Limit.ToString(CultureInfo.InvariantCulture)} per {rule.Window}")) +
        $", a margin of {margin} and a queue limit of {(queueLimit == int.MaxValue ? "none" : queueLimit.ToString(CultureInfo.InvariantCulture))}";

    private sealed class Entry(RollingWindowRateLimiter limiter, int queueLimit, TimeProvider timeProvider)
    {
        public RollingWindowRateLimiter Limiter { get; } = limiter;

        public int QueueLimit { get; } = queueLimit;

        public TimeProvider TimeProvider { get; } = timeProvider;

        public int Clients { get; set; } = 1;

        public bool Matches(RateLimitOptions options, TimeProvider timeProvider) =>
            Limiter.Rules.SequenceEqual(options.Rules)
            && Limiter.SafetyMargin == options.SafetyMargin
            && QueueLimit == options.QueueLimit
            && ReferenceEquals(TimeProvider, timeProvider);
    }
}
