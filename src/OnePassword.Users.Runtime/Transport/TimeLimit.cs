namespace OnePassword.Users.Runtime;

/// <summary>
/// A time limit over the caller's token: one token that is cancelled when the caller cancels or
/// the limit passes, and a way to tell which happened. It replaces the pair "timer source plus
/// linked source" with a single source, and on the system clock that source comes from a pool
/// and goes back to it (timer included) when the limit was not reached, so a call that finishes
/// in time allocates nothing for its deadlines.
/// </summary>
/// <remarks>
/// A pooled source is only reset after the work it bounded has returned, and resetting removes
/// every registration, so a late callback can never cancel another call's work.
/// </remarks>
internal readonly struct TimeLimit : IDisposable
{
    private static readonly BoundedPool<CancellationTokenSource> Pool = new(static () => new CancellationTokenSource(), static source => source.Dispose());

    private readonly CancellationTokenSource? _source;
    private readonly CancellationTokenRegistration _callerRegistration;
    private readonly CancellationToken _caller;
    private readonly bool _pooled;

    private TimeLimit(CancellationTokenSource? source, CancellationTokenRegistration callerRegistration, CancellationToken caller, bool pooled)
    {
        _source = source;
        _callerRegistration = callerRegistration;
        _caller = caller;
        _pooled = pooled;
    }

    /// <summary>The token to pass on: cancelled by the caller or by the limit.</summary>
    public CancellationToken Token => _source?.Token ?? _caller;

    /// <summary>Whether the limit passed while the caller had not cancelled.</summary>
    public bool Expired => _source is { IsCancellationRequested: true } && !_caller.IsCancellationRequested;

    /// <summary>Starts the limit; dispose the result when the bounded work has returned.</summary>
    /// <param name="limit">The time allowed; <see cref="Timeout.InfiniteTimeSpan"/> passes the caller's token on as it is.</param>
    /// <param name="timeProvider">The clock; only the system clock's sources are pooled.</param>
    /// <param name="caller">The caller's token.</param>
    public static TimeLimit Start(TimeSpan limit, TimeProvider timeProvider, CancellationToken caller)
    {
        if (limit == Timeout.InfiniteTimeSpan)
        {
            return new TimeLimit(source: null, default, caller, pooled: false);
        }

        bool pooled = ReferenceEquals(timeProvider, TimeProvider.System);
        CancellationTokenSource source;
        if (pooled)
        {
            source = Pool.Rent();
            source.CancelAfter(limit);
        }
        else
        {
            source = new CancellationTokenSource(limit, timeProvider);
        }

        CancellationTokenRegistration registration = caller.CanBeCanceled
            ? caller.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), source)
            : default;
        return new TimeLimit(source, registration, caller, pooled);
    }

    public void Dispose()
    {
        // Waits for a caller callback that is running, so the source is quiet before it is reused.
        _callerRegistration.Dispose();
        if (_source is null)
        {
            return;
        }

        if (_pooled && _source.TryReset())
        {
            Pool.Return(_source);
        }
        else
        {
            _source.Dispose();
        }
    }
}
