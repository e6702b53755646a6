using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OnePassword.Users.Runtime;

/// <summary>
/// Takes a permit from the shared client-side limiter before each request, so a bulk job stays
/// inside the server's limits instead of collecting 429s. When the server still answers 429
/// with <c>Retry-After</c> (other processes spend the same budget), the limiter is held until
/// then, so every worker sharing it backs off together. A <c>Retry-After</c> longer than
/// <see cref="RateLimitOptions.MaxHold"/> is not waited out by anyone: the callers waiting and
/// those that come until it ends fail at once with a <see cref="RateLimitedException"/>.
/// </summary>
/// <remarks>Place it inside <see cref="RetryHandler"/>: each retry then takes its own permit.</remarks>
public sealed class RateLimitingHandler : DelegatingHandler
{
    private readonly ApiRateLimiter _limiter;
    private readonly RateLimitOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ApiTelemetry _telemetry;
    private readonly ClientCredentialsTokenProvider? _tokens;

    /// <summary>Creates the handler.</summary>
    /// <param name="limiter">The limiter, normally from <see cref="ClientRateLimiter.Acquire"/>. Not disposed by this handler.</param>
    /// <param name="options">The settings; <see cref="RateLimitOptions.Enabled"/>, <see cref="RateLimitOptions.MaxQueueWait"/> and <see cref="RateLimitOptions.MaxHold"/> apply here.</param>
    /// <param name="timeProvider">The clock for <c>Retry-After</c> dates and the queue-wait limit.</param>
    /// <param name="logger">Where waits and holds are logged (events 3001-3004); none when null.</param>
    public RateLimitingHandler(ApiRateLimiter limiter, RateLimitOptions options, TimeProvider timeProvider, ILogger? logger = null)
        : this(limiter, options, timeProvider, logger ?? NullLogger.Instance, ApiTelemetry.Shared, tokens: null)
    {
    }

    internal RateLimitingHandler(ApiRateLimiter limiter, RateLimitOptions options, TimeProvider timeProvider, ILogger logger, ApiTelemetry telemetry, ClientCredentialsTokenProvider? tokens)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        _limiter = limiter;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _telemetry = telemetry;
        _tokens = tokens;
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        InnerSend.Result(request, HandleAsync(request, cancellationToken));

    private async ValueTask<HttpResponseMessage> HandleAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            return await InnerSend.Track(request, base.SendAsync(request, cancellationToken)).ConfigureAwait(false);
        }

        // A permit promises the server a request now: the token the bearer handler below needs is
        // fetched first (a cache hit on all but the first call), so the wait for it never falls
        // between the permit and the request's arrival.
        AccessToken? token = null;
        if (_tokens is not null)
        {
            ValueTask<AccessToken> pendingToken = _tokens.GetTokenAsync(cancellationToken);
            if (!pendingToken.IsCompleted)
            {
                CallDeadline.ArmFor(request);
            }

            token = await pendingToken.ConfigureAwait(false);
        }

        string operation = ApiOperation.Of(request)?.Name ?? request.Method.Method;
        ValueTask<RateLimitLease> acquiring = AcquireAsync(request, operation, cancellationToken);
        bool grantedAtOnce = acquiring.IsCompleted;
        using (RateLimitLease lease = await acquiring.ConfigureAwait(false))
        {
            if (!lease.IsAcquired)
            {
                if (lease is LimiterLease { IsRefused: true } refused)
                {
                    throw RateLimitedException.SharedRefusal(refused.Refusal, request, refused.RetryAfter ?? TimeSpan.Zero);
                }

                lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retryAfter);
                throw new ClientRateLimitExceededException(
                    (lease as LimiterLease)?.FailureReason ?? "The client-side rate limiter refused the request: too many requests are already waiting for a permit.",
                    retryAfter > TimeSpan.Zero ? retryAfter : null);
            }
        }

        // Fetched a moment ago, so the bearer handler below need not look it up again; after a
        // wait for the permit it might be near its expiry, and the bearer handler asks afresh.
        if (token is not null && CallState.Of(request) is { } state)
        {
            state.PrefetchedToken = grantedAtOnce ? token : null;
        }

        HttpResponseMessage response = await InnerSend.Track(request, base.SendAsync(request, cancellationToken)).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests
            && RetryAfterParser.Parse(response.Headers, _timeProvider.GetUtcNow()) is { } wait
            && wait > TimeSpan.Zero)
        {
            if (wait > _options.MaxHold)
            {
                RateLimitLog.RefusalSet(_logger, operation, wait.TotalSeconds, _options.MaxHold.TotalSeconds);
                _limiter.Refuse(wait, (RateLimitedException)ApiErrorException.FromResponse(response, ResponseText.Buffered(response.Content, ApiErrorException.MaxRawBodyLength)));
            }
            else
            {
                RateLimitLog.HoldSet(_logger, operation, wait.TotalSeconds);
                _limiter.HoldFor(wait);
            }
        }

        return response;
    }

    /// <summary>Takes a permit; a wait (anything not granted at once) is logged, measured and added to the call's state.</summary>
    /// <remarks>A permit granted at once is handed back without an async frame: that is every call while the budget lasts.</remarks>
    private ValueTask<RateLimitLease> AcquireAsync(HttpRequestMessage request, string operation, CancellationToken cancellationToken)
    {
        ValueTask<RateLimitLease> pending = _options.MaxQueueWait == Timeout.InfiniteTimeSpan
            ? _limiter.AcquireAsync(1, cancellationToken)
            : AcquireWithinQueueWaitAsync(cancellationToken);
        return pending.IsCompletedSuccessfully ? pending : WaitForPermitAsync(request, operation, pending);
    }

    private async ValueTask<RateLimitLease> WaitForPermitAsync(HttpRequestMessage request, string operation, ValueTask<RateLimitLease> pending)
    {
        CallDeadline.ArmFor(request);
        // A limiter that asks a store (a fleet's, in Redis) never answers synchronously; it only
        // makes the caller wait when its budget is spent or others are queued before it.
        RateLimiterStatistics? budget = _limiter.GetStatistics();
        if (budget is { CurrentAvailablePermits: > 0, CurrentQueuedCount: <= 1 })
        {
            return await pending.ConfigureAwait(false);
        }

        RateLimitLog.WaitStarted(_logger, operation, budget?.CurrentQueuedCount ?? 0);
        long started = _timeProvider.GetTimestamp();
        try
        {
            return await pending.ConfigureAwait(false);
        }
        finally
        {
            TimeSpan waited = _timeProvider.GetElapsedTime(started);
            RateLimitLog.WaitEnded(_logger, operation, (long)waited.TotalMilliseconds);
            _telemetry.RateLimitWait.Record(waited.TotalSeconds, new KeyValuePair<string, object?>(TelemetryNames.Operation, operation));
            if (CallState.Of(request) is { } state)
            {
                state.RateLimitWait += waited;
            }
        }
    }

    private async ValueTask<RateLimitLease> AcquireWithinQueueWaitAsync(CancellationToken cancellationToken)
    {
        using var queueTimeout = new CancellationTokenSource(_options.MaxQueueWait, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, queueTimeout.Token);
        try
        {
            return await _limiter.AcquireAsync(1, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ClientRateLimitExceededException(
                $"The client-side rate limiter did not grant a permit within {_options.MaxQueueWait}.",
                retryAfter: null,
                exception);
        }
    }
}
