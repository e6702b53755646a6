using System.Net;

namespace OnePassword.Users.Runtime;

/// <summary>Settings of <see cref="RetryHandler"/>.</summary>
/// <remarks>
/// The defaults suit the Users API: its POST actions (suspend, reactivate) are idempotent, so
/// every method may be retried; 429 and the gateway-style 5xx statuses are transient.
/// </remarks>
public sealed class RetryOptions
{
    /// <summary>How many times a request is sent again after its first attempt. Default 4; 0 turns retries off.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>The backoff before the first retry when the server gives no <c>Retry-After</c>; it doubles per retry. Default 1 second.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest computed backoff between two attempts. Default 30 seconds.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest <c>Retry-After</c> the handler sleeps for. A longer one is not waited out: the
    /// response is returned at once so the caller sees the rate-limit error with its
    /// <c>Retry-After</c> and decides. Default 2 minutes.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Whether computed backoffs are randomised ("full jitter": uniform between zero and the
    /// exponential delay), so that many clients that failed together do not retry together.
    /// Default <see langword="true"/>. A server's <c>Retry-After</c> is always honoured exactly.
    /// </summary>
    public bool UseJitter { get; init; } = true;

    /// <summary>The response statuses that are retried. Default 429, 502, 503 and 504.</summary>
    public IReadOnlySet<HttpStatusCode> RetryableStatusCodes { get; init; } = new HashSet<HttpStatusCode>
    {
        HttpStatusCode.TooManyRequests,
        HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable,
        HttpStatusCode.GatewayTimeout,
    };

    /// <summary>
    /// Whether a request that got no complete response (an <see cref="ApiTransportException"/>:
    /// connection refused or reset, DNS failure, a body cut off mid-way, an attempt timeout) is
    /// retried. Default <see langword="true"/>. A failure before the request left is always safe to
    /// retry; one after it may have reached the server is retried only for idempotent operations
    /// (GET, HEAD, OPTIONS, TRACE, PUT, DELETE, and operations the spec marks <c>x-idempotent</c>).
    /// </summary>
    public bool RetryOnConnectionFailure { get; init; } = true;

    /// <summary>
    /// The methods that may be retried, or <see langword="null"/> (the default) for every method.
    /// Narrow it when a client is pointed at an API whose POSTs are not idempotent.
    /// </summary>
    public IReadOnlySet<HttpMethod>? RetryableMethods { get; init; }

    /// <summary>
    /// Called before each retry with what triggered it and how long the handler will wait, for
    /// logging and metrics. It gets the request line, never the request or its headers. It must not throw.
    /// </summary>
    public Action<RetryAttempt>? OnRetry { get; init; }

    /// <summary>The broken rules, each with its property name.</summary>
    internal IEnumerable<(string Key, string Message)> Problems()
    {
        if (MaxRetries < 0)
        {
            yield return (nameof(MaxRetries), $"must not be negative, not {MaxRetries}.");
        }

        if (BaseDelay < TimeSpan.Zero)
        {
            yield return (nameof(BaseDelay), $"must not be negative, not {BaseDelay}.");
        }

        if (MaxDelay < BaseDelay)
        {
            yield return (nameof(MaxDelay), $"must be at least BaseDelay ({BaseDelay}), not {MaxDelay}.");
        }

        if (MaxRetryAfter < TimeSpan.Zero)
        {
            yield return (nameof(MaxRetryAfter), $"must not be negative, not {MaxRetryAfter}.");
        }

        if (RetryableStatusCodes is null)
        {
            yield return (nameof(RetryableStatusCodes), "must not be null.");
        }
    }

    internal void Validate()
    {
        foreach ((string key, string message) in Problems())
        {
            throw new ArgumentOutOfRangeException(key, $"RetryOptions.{key} {message}");
        }
    }
}
