namespace OnePassword.Users.Runtime;

/// <summary>Finds or attaches the <see cref="ICallState"/> of a request, and holds it for a request no generated client made.</summary>
internal sealed class CallState : ICallState
{
    private static readonly HttpRequestOptionsKey<CallState> Key = new(typeof(CallState).FullName!);

    public int Attempts { get; set; } = 1;

    public TimeSpan RateLimitWait { get; set; }

    public CallDeadline? Deadline { get; set; }

    public AccessToken? PrefetchedToken { get; set; }

    public static ICallState? Of(HttpRequestMessage request) =>
        request is ApiRequestMessage api ? api : request.Options.TryGetValue(Key, out CallState? state) ? state : null;

    /// <summary>The call's state, created on the request when no generated client made it.</summary>
    public static ICallState Attach(HttpRequestMessage request)
    {
        if (request is ApiRequestMessage api)
        {
            return api;
        }

        var state = new CallState();
        request.Options.Set(Key, state);
        return state;
    }
}
