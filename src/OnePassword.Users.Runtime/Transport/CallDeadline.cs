namespace OnePassword.Users.Runtime;

/// <summary>
/// The deadline of one call (<see cref="ApiClientOptions.CallTimeout"/>), whose timer is set only
/// once the call could outlast the time limit of its attempt: before it waits (for a token, a
/// rate-limit permit, a retry's delay, a body to buffer), before a second attempt, or at once
/// when an attempt has no shorter limit of its own. A call that gets its token and its permit at
/// once and is answered within one attempt, nearly every call, never touches the timer queue
/// for its deadline; the attempt's own limit bounds it meanwhile.
/// </summary>
/// <remarks>
/// <para>Every handler that waits arms it through <see cref="ArmFor"/>; the handlers of one call
/// run one after another, so arming needs no lock. On the system clock the deadline and its
/// source come from a pool, as <see cref="TimeLimit"/>'s do; on any other clock the timer is
/// set at the start, as before, so tests that drive a fake clock see the same timers.</para>
/// <para>A pooled source is reset only after the call has returned, and resetting removes every
/// registration, so a late callback can never cancel another call's work.</para>
/// </remarks>
internal sealed class CallDeadline : IDisposable
{
    /// <summary>An attempt limit this much shorter than the call's leaves the call's timer unset for that attempt.</summary>
    private static readonly TimeSpan AttemptMargin = TimeSpan.FromSeconds(1);

    private static readonly BoundedPool<CallDeadline> Pool = new(static () => new CallDeadline(new CancellationTokenSource()), static deadline => deadline._source.Dispose());

    private readonly CancellationTokenSource _source;
    private TimeProvider _timeProvider = TimeProvider.System;
    private CancellationTokenRegistration _callerRegistration;
    private CancellationTokenRegistration _stoppingRegistration;
    private CancellationToken _caller;
    private CancellationToken _stopping;
    private long _startedAt;
    private bool _pooled;

    private CallDeadline(CancellationTokenSource source)
    {
        _source = source;
    }

    /// <summary>The token to pass on: cancelled by the caller or, once armed, by the deadline.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>The time the call is allowed.</summary>
    public TimeSpan Limit { get; private set; }

    /// <summary>Whether the timer is set (or the clock is not the system's, where it is set from the start).</summary>
    public bool Armed { get; private set; }

    /// <summary>Whether the deadline passed while the caller had not cancelled and the client was not disposed.</summary>
    public bool Expired => _source.IsCancellationRequested && !_caller.IsCancellationRequested && !_stopping.IsCancellationRequested;

    /// <summary>Starts the deadline of a call that began at <paramref name="startedAt"/>; null for an infinite one, which passes the caller's token on.</summary>
    /// <param name="limit">The time allowed.</param>
    /// <param name="timeProvider">The clock; only the system clock's deadlines are pooled and armed late.</param>
    /// <param name="startedAt">When the call began, a timestamp of <paramref name="timeProvider"/>.</param>
    /// <param name="caller">The caller's token.</param>
    /// <param name="stopping">Cancelled when the client is disposed (<see cref="PipelineContext.Stopping"/>); it ends the call once the deadline is armed, when the call waits.</param>
    public static CallDeadline? Start(TimeSpan limit, TimeProvider timeProvider, long startedAt, CancellationToken caller, CancellationToken stopping)
    {
        if (limit == Timeout.InfiniteTimeSpan)
        {
            return null;
        }

        bool pooled = ReferenceEquals(timeProvider, TimeProvider.System);
        CallDeadline deadline = pooled ? Pool.Rent() : new CallDeadline(new CancellationTokenSource(limit, timeProvider));
        deadline._pooled = pooled;
        deadline._timeProvider = timeProvider;
        deadline._startedAt = startedAt;
        deadline._caller = caller;
        deadline._stopping = stopping;
        deadline.Limit = limit;
        deadline.Armed = !pooled;
        deadline._callerRegistration = caller.CanBeCanceled ? TimeLimit.Link(caller, deadline._source) : default;
        if (deadline.Armed)
        {
            deadline.FollowStopping();
        }

        return deadline;
    }

    /// <summary>
    /// The token an attempt below the deadline must watch: <paramref name="passedOn"/>, or none when
    /// that is this deadline's own token and nothing can cancel it before the attempt ends. It is
    /// not armed, its caller cannot cancel, and nothing below an attempt arms it (the handlers
    /// that wait run above). The attempt's limit then needs no registration on it, a lock and a
    /// callback node saved on nearly every call.
    /// </summary>
    /// <param name="deadline">The call's deadline, or null.</param>
    /// <param name="passedOn">The token the attempt was given.</param>
    public static CancellationToken ForAttempt(CallDeadline? deadline, CancellationToken passedOn) =>
        deadline is { Armed: false, _caller.CanBeCanceled: false } && passedOn == deadline.Token ? CancellationToken.None : passedOn;

    /// <summary>Arms the deadline of the call <paramref name="request"/> belongs to, if it has one: call it before anything that may wait.</summary>
    /// <param name="request">The request of the call.</param>
    public static void ArmFor(HttpRequestMessage request) => CallState.Of(request)?.Deadline?.Arm();

    /// <summary>Sets the timer for the time left, or cancels at once when none is left.</summary>
    public void Arm()
    {
        if (Armed)
        {
            return;
        }

        Armed = true;
        FollowStopping();
        TimeSpan left = Limit - _timeProvider.GetElapsedTime(_startedAt);
        if (left > TimeSpan.Zero)
        {
            _source.CancelAfter(left);
        }
        else
        {
            _source.Cancel();
        }
    }

    /// <summary>
    /// Ends the call when its client is disposed. Registered only once the call is about to wait:
    /// a call that does not wait is over before a dispose could matter, and its exchange fails
    /// when the client's own transport is disposed.
    /// </summary>
    private void FollowStopping()
    {
        if (_stopping.CanBeCanceled)
        {
            _stoppingRegistration = TimeLimit.Link(_stopping, _source);
        }
    }

    /// <summary>Arms the deadline unless an attempt limit of <paramref name="attemptLimit"/> ends the attempt well before it.</summary>
    /// <param name="attemptLimit">The attempt's own limit, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    public void ArmUnlessBoundedBy(TimeSpan attemptLimit)
    {
        if (!Armed && (attemptLimit == Timeout.InfiniteTimeSpan || attemptLimit + AttemptMargin > Limit))
        {
            Arm();
        }
    }

    public void Dispose()
    {
        // Waits for a caller callback that is running, so the source is quiet before it is reused.
        _callerRegistration.Dispose();
        _callerRegistration = default;
        _stoppingRegistration.Dispose();
        _stoppingRegistration = default;
        _caller = default;
        _stopping = default;
        if (_pooled && _source.TryReset())
        {
            Pool.Return(this);
        }
        else
        {
            _source.Dispose();
        }
    }
}
