using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using OnePassword.Users.Runtime;
using StackExchange.Redis;

namespace OnePassword.Users.Redis;

/// <summary>
/// One rate budget for every process that uses the same credentials and base URL: a sliding log
/// per budget in Redis, checked and written by one Lua script timed by the server's <c>TIME</c>.
/// A 429's <c>Retry-After</c> is stored as a fleet-wide hold (or, past the cap, a refusal), so one
/// 429 pauses every worker.
/// </summary>
/// <remarks>
/// <para>Callers of this process wait in one first-in, first-out queue and leave it when they
/// cancel; one pump asks Redis for the head's permit and sleeps as long as the script says.</para>
/// <para>When Redis fails or is slow (<see cref="RedisCoordinationOptions.OperationTimeout"/>),
/// the limiter neither throws nor hangs: it paces with a local limiter holding
/// <see cref="RedisCoordinationOptions.FallbackShare"/> of the budget (or refuses, fail-closed),
/// logs it once (event 6001), tries Redis again every <see cref="RedisCoordinationOptions.RetryInterval"/>
/// and logs the way back (event 6002). A permit is only ever given before a request is sent, so a
/// Redis failure can delay a call but never lose one or send one twice.</para>
/// </remarks>
internal sealed class RedisRateLimiter : ApiRateLimiter
{
    private readonly object _gate = new();
    private readonly LinkedList<Waiter> _queue = new();
    private readonly IDatabase _database;
    private readonly RedisCoordinationOptions _options;
    private readonly RollingWindowRateLimiter _fallback;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly object _parameters;
    private readonly RedisKey _holdKey;
    private readonly RedisKey _refuseKey;
    private readonly int _queueLimit;
    private readonly int _maxPermits;
    private readonly IDisposable _fallbackObservation;
    private readonly CancellationTokenSource _disposing = new();
    private Task? _pump;
    private long _outageStartedAt = -1;
    private long _nextRedisAttempt;
    private long _remaining;
    private long _successfulLeases;
    private long _failedLeases;
    private bool _disposed;

    public RedisRateLimiter(IConnectionMultiplexer redis, RedisCoordinationOptions options, RateLimiterRequest request)
    {
        _database = redis.GetDatabase();
        _options = options;
        _timeProvider = request.TimeProvider;
        _logger = request.LoggerFactory.CreateLogger("OnePassword.Users.RateLimiting");
        RateLimitOptions limits = request.Options;
        _queueLimit = limits.QueueLimit;
        _maxPermits = limits.Rules.Min(rule => rule.Limit);
        _remaining = _maxPermits;
        string prefix = $"{options.KeyPrefix}:{request.PartitionKey}";
        _holdKey = prefix + ":hold";
        _refuseKey = prefix + ":refuse";
        string rules = string.Join(',', limits.Rules.Select(rule =>
            rule.Limit.ToString(CultureInfo.InvariantCulture) + ":" + ((long)(rule.Window + limits.SafetyMargin).TotalMilliseconds).ToString(CultureInfo.InvariantCulture)));
        _parameters = new { log = (RedisKey)(prefix + ":log"), hold = _holdKey, refuse = _refuseKey, sequence = (RedisKey)(prefix + ":seq"), permits = 1, rules };
        _fallback = new RollingWindowRateLimiter(
            [.. limits.Rules.Select(rule => new RateLimitRule(Math.Max(1, (int)Math.Floor(rule.Limit * options.FallbackShare)), rule.Window))],
            limits.SafetyMargin,
            request.TimeProvider,
            limits.QueueLimit);
        _fallbackObservation = request.Telemetry.ObserveFallback(request.ClientName, () => IsInFallback);
    }

    /// <summary>Whether Redis failed and the local fallback (or fail-closed) is in force.</summary>
    public bool IsInFallback => Interlocked.Read(ref _outageStartedAt) >= 0;

    /// <inheritdoc />
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count > 0 ? null : TimeSpan.Zero;
            }
        }
    }

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = IsInFallback ? _fallback.GetStatistics()?.CurrentAvailablePermits ?? 0 : Interlocked.Read(ref _remaining),
                CurrentQueuedCount = _queue.Count,
                TotalSuccessfulLeases = _successfulLeases,
                TotalFailedLeases = _failedLeases,
            };
        }
    }

    /// <inheritdoc />
    public override void HoldFor(TimeSpan duration)
    {
        _fallback.HoldFor(duration);
        _ = StoreAsync(_holdKey, duration, refusal: false);
    }

    /// <inheritdoc />
    public override void Refuse(TimeSpan duration, RateLimitedException cause)
    {
        _fallback.Refuse(duration, cause);
        _ = StoreAsync(_refuseKey, duration, refusal: true);
        List<Waiter> refused;
        lock (_gate)
        {
            refused = [.. _queue];
            _queue.Clear();
            _failedLeases += refused.Count;
        }

        foreach (Waiter waiter in refused)
        {
            waiter.Complete(new LimiterLease(isAcquired: false, retryAfter: duration, refusal: cause));
        }
    }

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ValidatePermits(permitCount);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_queue.Count > 0)
            {
                _failedLeases++;
                return new LimiterLease(isAcquired: false, retryAfter: null);
            }
        }

        // A synchronous caller gets one answer from Redis (or the fallback) at once, never a wait.
        return Count(TryAcquireAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult().Lease);
    }

    /// <inheritdoc />
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ValidatePermits(permitCount);
        cancellationToken.ThrowIfCancellationRequested();

        // Every caller queues, even when nobody waits, so callers are served strictly in the order
        // they came; the pump asks Redis for the head's permit.
        Waiter waiter;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_queue.Count >= _queueLimit)
            {
                _failedLeases++;
                return new LimiterLease(isAcquired: false, retryAfter: null);
            }

            waiter = new Waiter();
            waiter.Node = _queue.AddLast(waiter);
            _pump ??= Task.Run(PumpAsync);
        }

        using (cancellationToken.UnsafeRegister(static state => ((Waiter)state!).Cancel(), waiter))
        {
            try
            {
                return await waiter.Completion.Task.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                lock (_gate)
                {
                    if (waiter.Node?.List is not null)
                    {
                        _queue.Remove(waiter.Node);
                    }
                }

                throw new OperationCanceledException(cancellationToken);
            }
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
        }

        _disposing.Cancel();
        foreach (Waiter waiter in abandoned)
        {
            waiter.Complete(new LimiterLease(isAcquired: false, retryAfter: null));
        }

        _fallbackObservation.Dispose();
        _fallback.Dispose();
        _disposing.Dispose();
    }

    /// <inheritdoc />
    protected override ValueTask DisposeAsyncCore()
    {
        Dispose(disposing: true);
        return ValueTask.CompletedTask;
    }

    private void ValidatePermits(int permitCount)
    {
        // Every request of the pipeline takes one permit; the script grants one at a time.
        ArgumentOutOfRangeException.ThrowIfNotEqual(permitCount, 1);
    }

    private LimiterLease Count(LimiterLease lease)
    {
        lock (_gate)
        {
            if (lease.IsAcquired)
            {
                _successfulLeases++;
            }
            else
            {
                _failedLeases++;
            }
        }

        return lease;
    }

    /// <summary>Grants the waiters in order, sleeping as long as Redis (or the fallback) says the head must wait.</summary>
    private async Task PumpAsync()
    {
        while (true)
        {
            Waiter? head;
            lock (_gate)
            {
                while (_queue.First is { } first && first.Value.Completion.Task.IsCompleted)
                {
                    _queue.RemoveFirst(); // cancelled meanwhile
                }

                head = _queue.First?.Value;
                if (head is null || _disposed)
                {
                    _pump = null;
                    return;
                }
            }

            (LimiterLease lease, TimeSpan wait) = await TryAcquireAsync(_disposing.Token).ConfigureAwait(false);
            if (lease.IsFinal)
            {
                lock (_gate)
                {
                    if (head.Node?.List is not null)
                    {
                        _queue.Remove(head.Node);
                    }
                }

                // A head that gave up just as its permit came leaves the permit spent, as a sent request's would be.
                head.Complete(Count(lease));
                continue;
            }

            try
            {
                await Task.Delay(wait, _timeProvider, _disposing.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One permit from Redis, or from the fallback while Redis is gone; never throws for a Redis failure.</summary>
    private async ValueTask<(LimiterLease Lease, TimeSpan Wait)> TryAcquireAsync(CancellationToken cancellationToken)
    {
        long now = _timeProvider.GetTimestamp();
        if (IsInFallback && now < Interlocked.Read(ref _nextRedisAttempt))
        {
            return Fallback();
        }

        try
        {
            RedisResult result = await RedisScripts.Acquire.EvaluateAsync(_database, _parameters).WaitAsync(_options.OperationTimeout, cancellationToken).ConfigureAwait(false);
            RedisResult[] values = (RedisResult[])result!;
            long granted = (long)values[0];
            var wait = TimeSpan.FromMilliseconds((long)values[1]);
            Restored();
            if (granted == 1)
            {
                Interlocked.Exchange(ref _remaining, (long)values[2]);
                return (LimiterLease.Granted, TimeSpan.Zero);
            }

            Interlocked.Exchange(ref _remaining, 0);
            return granted < 0
                ? (new LimiterLease(isAcquired: false, retryAfter: wait, refused: true), wait)
                : (new LimiterLease(isAcquired: false, retryAfter: wait), wait);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or ObjectDisposedException && !cancellationToken.IsCancellationRequested)
        {
            Failed(exception);
            return Fallback();
        }
    }

    private (LimiterLease, TimeSpan) Fallback()
    {
        if (_options.FailureMode == RedisFailureMode.FailClosed)
        {
            // Fail-closed: nothing goes out unpaced; the caller's exception says why.
            return (new LimiterLease(isAcquired: false, retryAfter: _options.RetryInterval, failureReason: "The shared rate budget in Redis cannot be reached and RedisCoordinationOptions.FailureMode is FailClosed, so no request is sent unpaced."), TimeSpan.Zero);
        }

        RateLimitLease local = _fallback.AttemptAcquire();
        if (local.IsAcquired)
        {
            return (LimiterLease.Granted, TimeSpan.Zero);
        }

        if (local is LimiterLease { IsRefused: true } refused)
        {
            return (refused, TimeSpan.Zero);
        }

        local.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retryAfter);
        TimeSpan wait = retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.FromMilliseconds(50);
        // Wake up in time to try Redis again, whatever the fallback says.
        wait = wait < _options.RetryInterval ? wait : _options.RetryInterval;
        return (new LimiterLease(isAcquired: false, retryAfter: wait), wait);
    }

    private void Failed(Exception exception)
    {
        long now = _timeProvider.GetTimestamp();
        Interlocked.Exchange(ref _nextRedisAttempt, now + (long)(_options.RetryInterval.TotalSeconds * _timeProvider.TimestampFrequency));
        if (Interlocked.CompareExchange(ref _outageStartedAt, now, -1) == -1)
        {
            CoordinationLog.BudgetUnavailable(
                _logger,
                $"{exception.GetType().Name}: {exception.Message}",
                _options.FailureMode == RedisFailureMode.FailClosed
                    ? "requests are refused until Redis answers (fail-closed)"
                    : $"pacing with a local share of {_options.FallbackShare.ToString("P0", CultureInfo.InvariantCulture)} of the budget until Redis answers");
        }
    }

    private void Restored()
    {
        long started = Interlocked.Exchange(ref _outageStartedAt, -1);
        if (started >= 0)
        {
            CoordinationLog.BudgetRestored(_logger, (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>Stores a hold or a refusal for the fleet; a failure only leaves it to this process's fallback.</summary>
    private async Task StoreAsync(RedisKey key, TimeSpan duration, bool refusal)
    {
        try
        {
            await RedisScripts.Extend.EvaluateAsync(_database, new { key, duration = (long)Math.Ceiling(duration.TotalMilliseconds) })
                .WaitAsync(_options.OperationTimeout).ConfigureAwait(false);
            CoordinationLog.HoldSet(_logger, duration.TotalSeconds, refusal ? ", failing every caller: longer than MaxHold" : string.Empty);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or ObjectDisposedException)
        {
            Failed(exception);
        }
    }

    private sealed class Waiter
    {
        public TaskCompletionSource<RateLimitLease> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }

        public bool Complete(RateLimitLease lease) => Completion.TrySetResult(lease);

        public void Cancel() => Completion.TrySetCanceled();
    }
}
