namespace OnePassword.Users.Runtime;

/// <summary>
/// What the handlers of one call learn on the way, for the span, the metrics and the audit record
/// that the outermost handler writes when the call ends: how many attempts it took and how long it
/// waited for the rate limiter, and the token fetched for the attempt. One per call; only the call's own handlers touch it.
/// </summary>
/// <remarks>
/// A generated request carries it itself (<see cref="ApiRequestMessage"/>); any other request gets
/// a <see cref="CallState"/> in its options.
/// </remarks>
internal interface ICallState
{
    int Attempts { get; set; }

    TimeSpan RateLimitWait { get; set; }

    /// <summary>The call's deadline, for the handlers that wait to arm; null when the call has none.</summary>
    CallDeadline? Deadline { get; set; }

    /// <summary>
    /// The access token the rate-limiting handler fetched for this attempt, when its permit came at
    /// once; the bearer handler takes it (and clears it) instead of asking the cache a second time.
    /// </summary>
    AccessToken? PrefetchedToken { get; set; }
}
