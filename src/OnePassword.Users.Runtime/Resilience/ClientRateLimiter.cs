using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace OnePassword.Users.Runtime;

/// <summary>
/// The process-wide registry of client-side rate limiters: every client built for the same
/// API host and OAuth client shares one budget, because the server counts their requests together.
/// </summary>
public static class ClientRateLimiter
{
    private static readonly ConcurrentDictionary<string, RollingWindowRateLimiter> s_limiters = new(StringComparer.Ordinal);
    private static readonly object s_gate = new();

    /// <summary>
    /// Returns the limiter for <paramref name="partitionKey"/>, creating it on first use. Later
    /// calls with the same key return the same instance, with the rules of the first call.
    /// The instance is shared: do not dispose it.
    /// </summary>
    /// <param name="partitionKey">Identifies the budget, for example <see cref="PartitionKey"/>. Never put a secret in it.</param>
    /// <param name="rules">The limits, used when the limiter is created.</param>
    /// <param name="timeProvider">The clock, used when the limiter is created.</param>
    /// <returns>The shared limiter, with no safety margin and an unlimited queue.</returns>
    public static RollingWindowRateLimiter Shared(string partitionKey, IReadOnlyList<(int Limit, TimeSpan Window)> rules, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return GetOrCreate(
            partitionKey,
            () => new RollingWindowRateLimiter([.. rules.Select(rule => new RateLimitRule(rule.Limit, rule.Window))], TimeSpan.Zero, timeProvider, int.MaxValue));
    }

    /// <summary>
    /// Returns the limiter for <paramref name="partitionKey"/>, creating it from
    /// <paramref name="options"/> (rules, safety margin, queue limit) on first use.
    /// </summary>
    /// <param name="partitionKey">Identifies the budget, for example <see cref="PartitionKey"/>. Never put a secret in it.</param>
    /// <param name="options">The settings, used when the limiter is created.</param>
    /// <param name="timeProvider">The clock, used when the limiter is created.</param>
    /// <returns>The shared limiter.</returns>
    public static RollingWindowRateLimiter Shared(string partitionKey, RateLimitOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return GetOrCreate(
            partitionKey,
            () => new RollingWindowRateLimiter(options.Rules, options.SafetyMargin, timeProvider, options.QueueLimit));
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

    private static RollingWindowRateLimiter GetOrCreate(string partitionKey, Func<RollingWindowRateLimiter> create)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);

        // A lock rather than GetOrAdd: GetOrAdd may run the factory twice and then leak one
        // limiter's timer; creation is rare, lookups stay lock-free.
        if (s_limiters.TryGetValue(partitionKey, out RollingWindowRateLimiter? existing) && !existing.IsDisposed)
        {
            return existing;
        }

        lock (s_gate)
        {
            if (s_limiters.TryGetValue(partitionKey, out existing) && !existing.IsDisposed)
            {
                return existing;
            }

            RollingWindowRateLimiter created = create();
            s_limiters[partitionKey] = created;
            return created;
        }
    }
}
