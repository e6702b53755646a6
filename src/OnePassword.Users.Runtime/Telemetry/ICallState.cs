namespace OnePassword.Users.Runtime;

/// <summary>
/// What the handlers of one call learn on the way, for the span, the metrics and the audit record
/// that the outermost handler writes when the call ends: how many attempts it took and how long it
/// waited for the rate limiter. One per call; only the call's own handlers touch it.
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
}
