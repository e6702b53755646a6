namespace OnePassword.Users.Runtime;

/// <summary>
/// What the handlers of one call learn on the way, for the span, the metrics and the audit record
/// that the outermost handler writes when the call ends: how many attempts it took and how long it
/// waited for the rate limiter. One per call; only the call's own handlers touch it.
/// </summary>
internal sealed class CallState
{
    private static readonly HttpRequestOptionsKey<CallState> Key = new(typeof(CallState).FullName!);

    public int Attempts { get; set; } = 1;

    public TimeSpan RateLimitWait { get; set; }

    public static CallState? Of(HttpRequestMessage request) =>
        request is ApiRequestMessage api ? api.State : request.Options.TryGetValue(Key, out CallState? state) ? state : null;

    /// <summary>The call's state, created on the request when no generated client made it.</summary>
    public static CallState Attach(HttpRequestMessage request)
    {
        if (request is ApiRequestMessage api)
        {
            return api.State;
        }

        var state = new CallState();
        request.Options.Set(Key, state);
        return state;
    }
}
