using OnePassword.Users.Runtime;

namespace OnePassword.Users.Cli.Connection;

/// <summary>
/// Overrides of the client's timing for the tool's in-process tests (shorter backoffs, a
/// tighter rate limit), so that retries and rate-limit waits can be tested in seconds. The real
/// process always runs with <see cref="Default"/>: the SDK's retry defaults and the spec's limits.
/// </summary>
/// <param name="RetryBaseDelay">The first retry's backoff, or null for the SDK's default.</param>
/// <param name="RateLimitRules">The client-side limits, or null for the spec's.</param>
internal sealed record ClientTuning(TimeSpan? RetryBaseDelay = null, IReadOnlyList<RateLimitRule>? RateLimitRules = null)
{
    public static ClientTuning Default { get; } = new();
}
