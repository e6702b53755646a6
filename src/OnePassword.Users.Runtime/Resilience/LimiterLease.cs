using System.Threading.RateLimiting;

namespace OnePassword.Users.Runtime;

/// <summary>
/// The lease of an <see cref="ApiRateLimiter"/>: granted, not granted yet (with when to try again),
/// or refused because the API asked every caller to wait longer than anyone should.
/// </summary>
internal sealed class LimiterLease : RateLimitLease
{
    public static readonly LimiterLease Granted = new(isAcquired: true, retryAfter: null);

    public LimiterLease(bool isAcquired, TimeSpan? retryAfter, bool refused = false, RateLimitedException? refusal = null, string? failureReason = null)
    {
        IsAcquired = isAcquired;
        RetryAfter = retryAfter;
        IsRefused = refused || refusal is not null;
        Refusal = refusal;
        FailureReason = failureReason;
    }

    public override bool IsAcquired { get; }

    /// <summary>Whether the budget is refused (a <c>Retry-After</c> beyond the cap), rather than only spent.</summary>
    public bool IsRefused { get; }

    /// <summary>The 429 behind the refusal, when this process saw it.</summary>
    public RateLimitedException? Refusal { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>Why no permit can be given for now (a fleet limiter that cannot reach its store, fail-closed); waiting will not help.</summary>
    public string? FailureReason { get; }

    /// <summary>Whether this is the answer for the caller, rather than "wait and ask again".</summary>
    public bool IsFinal => IsAcquired || IsRefused || FailureReason is not null;

    public override IEnumerable<string> MetadataNames =>
        RetryAfter.HasValue ? [MetadataName.RetryAfter.Name] : [];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (RetryAfter.HasValue && metadataName == MetadataName.RetryAfter.Name)
        {
            metadata = RetryAfter.Value;
            return true;
        }

        metadata = null;
        return false;
    }
}
