using System.Threading.RateLimiting;

namespace OnePassword.Users.Runtime;

/// <summary>
/// A rate limiter that guarantees, for each of its rules, at most <c>Limit</c> permits in any
/// rolling window of length <c>Window</c> (plus a safety margin): the same exact rule a server
/// enforces with a log of request timestamps. Waiting callers are served first in, first out.
/// </summary>
/// <remarks>
/// <para>All rules are checked and recorded together under one lock, with one timestamp per
/// permit. Chaining one limiter per rule would be wrong: a permit taken from the first limiter
/// while waiting on the second is logged too early, so the first limiter's window would end
/// before the request was really sent.</para>
/// <para>Permits are not returned when a lease is disposed; they expire when their window
/// passes. Waits run on the given <see cref="TimeProvider"/>, so a fake clock drives them in tests.</para>
/// </remarks>
public sealed class RollingWindowRateLimiter : ApiRateLimiter
{
    private static readonly RateLimitLease s_granted = LimiterLease.Granted;

    private readonly object _gate = new();
    private readonly (int Limit, TimeSpan Window)[] _effectiveRules;
    private readonly int _maxPermitsPerLease;
    private readonly TimeSpan _longestWindow;
    private readonly TimeProvider _timeProvider;
    private readonly long _origin;
    private readonly int _queueLimit;
    private readonly TimestampLog _log;
    private readonly LinkedList<Waiter> _queue = new();
    private int _queuedPermits;
    private TimeSpan _holdUntil;
    private TimeSpan _refuseUntil;
    private RateLimitedException? _refusal;
    private ITimer? _timer;
    private long _successfulLeases;
    private long _failedLeases;
    private bool _disposed;

    /// <summary>Creates a limiter with one rule and no safety margin.</summary>
    /// <param name="permitLimit">The most permits in any window.</param>
    /// <param name="window">The length of the rolling window.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="queueLimit">How many permits may be waited for at once; further requests fail at once.</param>
    public RollingWindowRateLimiter(int permitLimit, TimeSpan window, TimeProvider timeProvider, int queueLimit)
        : this([new RateLimitRule(permitLimit, window)], TimeSpan.Zero, timeProvider, queueLimit)
    {
    }

    /// <summary>Creates a limiter that enforces every rule at once.</summary>
    /// <param name="rules">The rules; at least one.</param>
    /// <param name="safetyMargin">Added to every window, to absorb the difference between when the client grants a request and when the server counts it.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="queueLimit">How many permits may be waited for at once; further requests fail at once.</param>
    public RollingWindowRateLimiter(IReadOnlyList<RateLimitRule> rules, TimeSpan safetyMargin, TimeProvider timeProvider, int queueLimit)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfZero(rules.Count, nameof(rules));
        ArgumentOutOfRangeException.ThrowIfLessThan(safetyMargin, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(queueLimit);
        foreach (RateLimitRule rule in rules)
        {
            ArgumentNullException.ThrowIfNull(rule, nameof(rules));
            rule.Validate();
        }

        Rules = [.. rules];
        SafetyMargin = safetyMargin;
        _effectiveRules = [.. rules.Select(rule => (rule.Limit, rule.Window + safetyMargin))];
        _maxPermitsPerLease = rules.Min(rule => rule.Limit);
        _longestWindow = _effectiveRules.Max(rule => rule.Window);
        _log = new TimestampLog(rules.Max(rule => rule.Limit));
        _timeProvider = timeProvider;
        _origin = timeProvider.GetTimestamp();
        _queueLimit = queueLimit;
    }

    /// <summary>The rules this limiter enforces, as given.</summary>
    public IReadOnlyList<RateLimitRule> Rules { get; }

    /// <summary>The margin added to every window.</summary>
    public TimeSpan SafetyMargin { get; }

    /// <inheritdoc />
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                if (_queue.Count > 0)
                {
                    return null;
                }

                TimeSpan now = Now;
                TimeSpan idleSince = _log.Count == 0 ? TimeSpan.Zero : _log.FromNewest(0) + _longestWindow;
                idleSince = Max(idleSince, _holdUntil);
                return now >= idleSince ? now - idleSince : null;
            }
        }
    }

    internal bool IsDisposed
    {
        get
        {
            lock (_gate)
            {
                return _disposed;
            }
        }
    }

    private TimeSpan Now => _timeProvider.GetElapsedTime(_origin);

    /// <inheritdoc />
    public override void HoldFor(TimeSpan duration)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            TimeSpan now = Now;
            _holdUntil = Max(_holdUntil, now + duration);
            ArmTimer(now);
        }
    }

    /// <inheritdoc />
    public override void Refuse(TimeSpan duration, RateLimitedException cause)
    {
        List<Waiter> refused;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            TimeSpan now = Now;
            if (now + duration > _refuseUntil)
            {
                _refuseUntil = now + duration;
                _refusal = cause;
            }

            refused = [.. _queue];
            _queue.Clear();
            _queuedPermits = 0;
            _failedLeases += refused.Count;
            ArmTimer(now);
        }

        foreach (Waiter waiter in refused)
        {
            waiter.Registration.Dispose();
            waiter.Completion.TrySetResult(new LimiterLease(isAcquired: false, retryAfter: duration, refusal: cause));
        }
    }

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            TimeSpan now = Now;
            long available = 0;
            if (now >= _holdUntil)
            {
                available = long.MaxValue;
                foreach ((int limit, TimeSpan window) in _effectiveRules)
                {
                    available = Math.Min(available, limit - CountInWindow(now, window, limit));
                }
            }

            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = available,
                CurrentQueuedCount = _queuedPermits,
                TotalSuccessfulLeases = _successfulLeases,
                TotalFailedLeases = _failedLeases,
            };
        }
    }

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ValidatePermitCount(permitCount);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            TimeSpan now = Now;

            if (RefusalAt(now) is { } refused)
            {
                return refused;
            }

            // Waiting callers go first, so a synchronous attempt never jumps the queue.
            if (_queue.Count == 0 && TryGrant(permitCount, now))
            {
                return s_granted;
            }

            return Fail(permitCount, now);
        }
    }

    /// <inheritdoc />
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ValidatePermitCount(permitCount);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<RateLimitLease>(cancellationToken);
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            TimeSpan now = Now;
            if (RefusalAt(now) is { } refused)
            {
                return new ValueTask<RateLimitLease>(refused);
            }

            if (_queue.Count == 0 && TryGrant(permitCount, now))
            {
                return new ValueTask<RateLimitLease>(s_granted);
            }

            if (_queuedPermits > _queueLimit - permitCount)
            {
                return new ValueTask<RateLimitLease>(Fail(permitCount, now));
            }

            var waiter = new Waiter(permitCount);
            waiter.Node = _queue.AddLast(waiter);
            _queuedPermits += permitCount;
            ArmTimer(now);

            // Registered last: a token cancelled meanwhile runs the callback right here, and the
            // lock is re-entrant, so the waiter is removed consistently.
            if (cancellationToken.CanBeCanceled)
            {
                waiter.Registration = cancellationToken.UnsafeRegister(
                    static (state, token) =>
                    {
                        var (limiter, cancelled) = ((RollingWindowRateLimiter, Waiter))state!;
                        limiter.Cancel(cancelled, token);
                    },
                    (this, waiter));
            }

            return new ValueTask<RateLimitLease>(waiter.Completion.Task);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        List<Waiter> abandoned;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            abandoned = [.. _queue];
            _queue.Clear();
            _queuedPermits = 0;
            _timer?.Dispose();
            _timer = null;
        }

        // Like the built-in limiters, callers still waiting get a lease that was not acquired.
        var failed = new LimiterLease(isAcquired: false, retryAfter: null);
        foreach (Waiter waiter in abandoned)
        {
            waiter.Registration.Dispose();
            waiter.Completion.TrySetResult(failed);
        }
    }

    /// <inheritdoc />
    protected override ValueTask DisposeAsyncCore()
    {
        Dispose(disposing: true);
        return ValueTask.CompletedTask;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private LimiterLease? RefusalAt(TimeSpan now)
    {
        if (_refusal is null || now >= _refuseUntil)
        {
            return null;
        }

        _failedLeases++;
        return new LimiterLease(isAcquired: false, retryAfter: _refuseUntil - now, refusal: _refusal);
    }

    private void ValidatePermitCount(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _maxPermitsPerLease);
    }

    /// <summary>The earliest instant, not before <paramref name="now"/>, at which <paramref name="permits"/> more fit every rule.</summary>
    private TimeSpan EarliestGrant(int permits, TimeSpan now)
    {
        TimeSpan earliest = Max(now, _holdUntil);
        foreach ((int limit, TimeSpan window) in _effectiveRules)
        {
            // At most limit - permits earlier grants may remain inside the window; the next
            // older one has to leave it first, which it does exactly one window after it was made.
            int mayRemain = limit - permits;
            if (_log.Count > mayRemain)
            {
                earliest = Max(earliest, _log.FromNewest(mayRemain) + window);
            }
        }

        return earliest;
    }

    private bool TryGrant(int permits, TimeSpan now)
    {
        if (EarliestGrant(permits, now) > now)
        {
            return false;
        }

        for (int i = 0; i < permits; i++)
        {
            _log.Add(now);
        }

        _successfulLeases++;
        return true;
    }

    private LimiterLease Fail(int permits, TimeSpan now)
    {
        _failedLeases++;
        return new LimiterLease(isAcquired: false, retryAfter: EarliestGrant(permits, now) - now);
    }

    private int CountInWindow(TimeSpan now, TimeSpan window, int limit)
    {
        // A grant made at t is inside the window until t + window (exclusive).
        int count = 0;
        while (count < _log.Count && count < limit && _log.FromNewest(count) + window > now)
        {
            count++;
        }

        return count;
    }

    private void Cancel(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (waiter.Node?.List is null)
            {
                return; // already granted or abandoned
            }

            bool wasFirst = waiter.Node == _queue.First;
            _queue.Remove(waiter.Node);
            _queuedPermits -= waiter.Permits;
            waiter.Completion.TrySetCanceled(cancellationToken);
            if (wasFirst)
            {
                Drain(Now);
            }
        }
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                Drain(Now);
            }
        }
    }

    /// <summary>Grants waiting callers in order for as long as the head of the queue fits.</summary>
    private void Drain(TimeSpan now)
    {
        while (_queue.First is { } first && TryGrant(first.Value.Permits, now))
        {
            _queue.RemoveFirst();
            _queuedPermits -= first.Value.Permits;
            first.Value.Registration.Unregister();
            first.Value.Completion.TrySetResult(s_granted);
        }

        ArmTimer(now);
    }

    private void ArmTimer(TimeSpan now)
    {
        if (_queue.First is not { } first)
        {
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        // Rounded up to whole milliseconds: timers count in milliseconds, and one that fired a
        // fraction early would find nothing to grant.
        TimeSpan due = EarliestGrant(first.Value.Permits, now) - now;
        due = TimeSpan.FromMilliseconds(Math.Ceiling(due.TotalMilliseconds));
        _timer ??= _timeProvider.CreateTimer(
            static state => ((RollingWindowRateLimiter)state!).OnTimer(),
            this,
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
        _timer.Change(due, Timeout.InfiniteTimeSpan);
    }

    private sealed class Waiter(int permits)
    {
        public int Permits { get; } = permits;

        public TaskCompletionSource<RateLimitLease> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }

        public CancellationTokenRegistration Registration { get; set; }
    }
}
