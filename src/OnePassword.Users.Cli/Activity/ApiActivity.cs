using System.Net;
using System.Net.Http.Headers;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Cli.Activity;

/// <summary>
/// What the tool's API client is doing right now, seen from below (its transport: connecting,
/// a request on the wire) and from the side (the retry handler's <see cref="RetryOptions.OnRetry"/>).
/// The gaps between those events are the waits above the transport: for a rate-limit permit
/// or a backoff. Progress displays read <see cref="Snapshot"/>; bulk commands use
/// <see cref="StopAfterCallInFlight"/> to stop without abandoning a request the server may have acted on.
/// </summary>
internal sealed class ApiActivity
{
    private const int LatencySamples = 20;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly int _maxAttempts;
    private readonly int _sendHistory;
    private readonly List<TimeSpan> _apiSends = [];
    private readonly Queue<TimeSpan> _latencies = new();
    private readonly Dictionary<HttpRequestMessage, AttemptView> _onWire = new(ReferenceEqualityComparer.Instance);
    private OperationScope? _operation;
    private RetryView? _retry;
    private TimeSpan _lastEventAt;
    private bool _stopping;

    /// <param name="time">The clock.</param>
    /// <param name="maxRetries">The client's <see cref="RetryOptions.MaxRetries"/>, for "attempt 2 of 5".</param>
    /// <param name="sendHistory">How many API sends to remember: the largest rate-limit rule's limit.</param>
    public ApiActivity(TimeProvider time, int maxRetries, int sendHistory)
    {
        _time = time;
        _origin = time.GetTimestamp();
        _maxAttempts = maxRetries + 1;
        _sendHistory = Math.Max(1, sendHistory);
    }

    /// <summary>Time on this activity's clock, the scale of every <see cref="TimeSpan"/> it reports.</summary>
    public TimeSpan Now => _time.GetElapsedTime(_origin);

    /// <summary>
    /// Marks the start of one piece of work of the tool (a call, or a listing of many pages), so
    /// quiet stretches inside it count as waiting. Dispose the scope when the work is done.
    /// </summary>
    /// <param name="cancellationToken">Cancels the work; the scope's token also ends when a stop is requested and no request is on the wire.</param>
    public OperationScope BeginOperation(CancellationToken cancellationToken)
    {
        var scope = new OperationScope(this, CancellationTokenSource.CreateLinkedTokenSource(cancellationToken));
        bool stopNow;
        lock (_gate)
        {
            _operation = scope;
            _retry = null;
            _lastEventAt = Now;
            stopNow = _stopping;
        }

        if (stopNow)
        {
            scope.Cancel();
        }

        return scope;
    }

    /// <summary>
    /// Stops the work without cutting off a request already sent: work waiting for a permit or a
    /// backoff is cancelled now; work with a request on the wire gets its answer, and is cancelled
    /// only if the client would then wait and retry, or send another request.
    /// </summary>
    public void StopAfterCallInFlight()
    {
        OperationScope? cancelNow = null;
        lock (_gate)
        {
            _stopping = true;
            if (_operation is { AttemptOutstanding: false } operation)
            {
                cancelNow = operation;
            }
        }

        cancelNow?.Cancel();
    }

    public ActivitySnapshot Snapshot()
    {
        lock (_gate)
        {
            var now = Now;
            var onWire = _onWire.Values.OrderBy(attempt => attempt.Kind).ThenBy(attempt => attempt.Since).FirstOrDefault();
            TimeSpan? latency = _latencies.Count == 0 ? null : TimeSpan.FromTicks((long)_latencies.Average(sample => sample.Ticks));
            return new ActivitySnapshot(now, _operation is not null, _lastEventAt, onWire, _retry is { } retry && retry.Until > now ? retry : null, [.. _apiSends], latency);
        }
    }

    /// <summary>Called by the transport before it sends; throws instead when a stop was requested during work.</summary>
    internal AttemptKind OnAttemptStarting(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var kind = request.Headers.Authorization is { Scheme: var scheme } && scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)
            ? AttemptKind.Api
            : AttemptKind.Token;
        OperationScope? refuse = null;
        lock (_gate)
        {
            var now = Now;
            if (kind == AttemptKind.Api && _stopping && _operation is { } stopping)
            {
                refuse = stopping;
            }
            else
            {
                _onWire[request] = new AttemptView(kind, request.Method.Method, request.RequestUri?.Authority ?? "the API", request.RequestUri?.AbsolutePath ?? string.Empty, now, null, now);
                _lastEventAt = now;
                if (kind == AttemptKind.Api)
                {
                    _retry = null;
                    _apiSends.Add(now);
                    if (_apiSends.Count > _sendHistory)
                    {
                        _apiSends.RemoveRange(0, _apiSends.Count - _sendHistory);
                    }

                    if (_operation is { } operation)
                    {
                        operation.AttemptOutstanding = true;
                        operation.CountAttempt();
                    }
                }
            }
        }

        if (refuse is not null)
        {
            refuse.Cancel();
            throw new OperationCanceledException("Stopping: the request was not sent.", null, cancellationToken.IsCancellationRequested ? cancellationToken : refuse.Token);
        }

        return kind;
    }

    internal void OnConnecting(HttpRequestMessage? request, DnsEndPoint endPoint)
    {
        lock (_gate)
        {
            if (request is not null && _onWire.TryGetValue(request, out var attempt))
            {
                _onWire[request] = attempt with { ConnectingTo = $"{endPoint.Host}:{endPoint.Port}", ConnectingSince = Now };
            }
        }
    }

    internal void OnConnected(HttpRequestMessage? request)
    {
        lock (_gate)
        {
            if (request is not null && _onWire.TryGetValue(request, out var attempt))
            {
                _onWire[request] = attempt with { ConnectingTo = null, Since = Now };
            }
        }
    }

    internal void OnAttemptFinished(HttpRequestMessage request, AttemptKind kind)
    {
        lock (_gate)
        {
            var now = Now;
            if (_onWire.Remove(request, out var attempt) && kind == AttemptKind.Api)
            {
                _latencies.Enqueue(now - attempt.StartedAt);
                if (_latencies.Count > LatencySamples)
                {
                    _latencies.Dequeue();
                }
            }

            _lastEventAt = now;
        }
    }

    /// <summary>The client's <see cref="RetryOptions.OnRetry"/>: the retry handler is about to wait and send again.</summary>
    internal void OnRetry(RetryAttempt attempt)
    {
        OperationScope? cancelNow = null;
        lock (_gate)
        {
            var now = Now;
            _retry = new RetryView($"{attempt.RequestMethod} {WaitDescription.ShortPath(attempt.RequestUri?.AbsolutePath ?? string.Empty)}", Reason(attempt), attempt.RetryNumber + 1, _maxAttempts, now, now + attempt.Delay);
            _lastEventAt = now;
            if (_operation is { } operation)
            {
                operation.AttemptOutstanding = false;
                if (_stopping)
                {
                    cancelNow = operation;
                }
            }
        }

        cancelNow?.Cancel();
    }

    internal void End(OperationScope scope)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_operation, scope))
            {
                _operation = null;
                _retry = null;
            }
        }
    }

    private static string Reason(RetryAttempt attempt) => attempt switch
    {
        { StatusCode: HttpStatusCode.TooManyRequests } => "HTTP 429, rate limited by the server",
        { StatusCode: { } status } => $"HTTP {(int)status}",
        { Exception: { } exception } => $"a connection failure ({FirstLine(exception.Message)})",
        _ => "a failure",
    };

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
