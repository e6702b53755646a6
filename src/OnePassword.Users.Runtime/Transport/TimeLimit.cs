namespace OnePassword.Users.Runtime;

/// <summary>
/// A time limit over the caller's token: one token that is cancelled when the caller cancels or
/// the limit passes, and a way to tell which happened. It replaces the pair "timer source plus
/// linked source" with a single source, and on the system clock that source comes from a pool
/// and goes back to it (timer included) when the limit was not reached, so a call that finishes
/// in time allocates nothing for its deadlines.
/// </summary>
/// <remarks>
/// <para>An attempt's limit can start with its timer unset (<see cref="StartUnarmed"/>) and be
/// armed before its first wait: an exchange that completes synchronously (a cached answer, an
/// in-memory transport) then never touches the timer queue, and its source, never given a timer,
/// is reset without one. Over a network the first wait comes at once, so the timer is set as before.</para>
/// A pooled source is only reset after the work it bounded has returned, and resetting removes
/// every registration, so a late callback can never cancel another call's work.
/// </remarks>
internal readonly struct TimeLimit : IDisposable
{
    private static readonly BoundedPool<CancellationTokenSource> Pool = new(static () => new CancellationTokenSource(), static source => source.Dispose());

    private readonly CancellationTokenSource? _source;
    private readonly CancellationTokenRegistration _callerRegistration;
    private readonly CancellationToken _caller;
    private readonly TimeSpan _unarmedLimit;
    private readonly bool _pooled;

    private TimeLimit(CancellationTokenSource? source, CancellationTokenRegistration callerRegistration, CancellationToken caller, TimeSpan unarmedLimit, bool pooled)
    {
        _source = source;
        _callerRegistration = callerRegistration;
        _caller = caller;
        _unarmedLimit = unarmedLimit;
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
        TimeLimit started = StartUnarmed(limit, timeProvider, caller);
        started.Arm();
        return started;
    }

    /// <summary>
    /// Starts the limit with its timer unset on the system clock (on any other clock it is set at
    /// once, so tests that drive a fake clock see the same timers); call <see cref="Arm"/> once,
    /// before the first wait of the bounded work. Dispose the result when that work has returned.
    /// </summary>
    /// <param name="limit">The time allowed from <see cref="Arm"/>; <see cref="Timeout.InfiniteTimeSpan"/> passes the caller's token on as it is.</param>
    /// <param name="timeProvider">The clock; only the system clock's sources are pooled and armed late.</param>
    /// <param name="caller">The caller's token.</param>
    public static TimeLimit StartUnarmed(TimeSpan limit, TimeProvider timeProvider, CancellationToken caller)
    {
        if (limit == Timeout.InfiniteTimeSpan)
        {
            return new TimeLimit(source: null, default, caller, Timeout.InfiniteTimeSpan, pooled: false);
        }

        bool pooled = ReferenceEquals(timeProvider, TimeProvider.System);
        CancellationTokenSource source = pooled ? Pool.Rent() : new CancellationTokenSource(limit, timeProvider);
        CancellationTokenRegistration registration = caller.CanBeCanceled ? Link(caller, source) : default;
        return new TimeLimit(source, registration, caller, pooled ? limit : Timeout.InfiniteTimeSpan, pooled);
    }

    /// <summary>Cancels <paramref name="source"/> when <paramref name="token"/> is cancelled; <see cref="CallDeadline"/> links its source the same way.</summary>
    internal static CancellationTokenRegistration Link(CancellationToken token, CancellationTokenSource source) =>
        token.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), source);

    /// <summary>Sets the timer of a limit started unarmed; call it at most once. Nothing to do when it has no limit, or its clock is not the system's.</summary>
    public void Arm()
    {
        if (_unarmedLimit != Timeout.InfiniteTimeSpan)
        {
            _source!.CancelAfter(_unarmedLimit);
        }
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
