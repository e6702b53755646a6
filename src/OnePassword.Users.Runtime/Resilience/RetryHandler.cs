using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OnePassword.Users.Runtime;

/// <summary>
/// Sends a request again after a transient failure: a retryable status (by default 429, 502,
/// 503, 504), or a transport failure where sending again cannot do harm (see
/// <see cref="RetryOptions.RetryOnConnectionFailure"/>). Waits honour the server's <c>Retry-After</c> (seconds or
/// HTTP-date) and otherwise back off exponentially with jitter.
/// </summary>
/// <remarks>
/// <para>When retries run out the last response is returned, or the last connection failure
/// rethrown, so the caller sees the typed error of what actually happened rather than an
/// aggregate. A <c>Retry-After</c> longer than <see cref="RetryOptions.MaxRetryAfter"/> is not
/// slept through: that response is returned at once.</para>
/// <para>Place it outside the rate-limiting handler so every attempt takes a permit. All waits
/// run on the given <see cref="TimeProvider"/> and stop as soon as the caller cancels.</para>
/// </remarks>
public sealed class RetryHandler : DelegatingHandler
{
    private readonly RetryOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ApiTelemetry _telemetry;
    private readonly string _clientName;

    /// <summary>Creates the handler.</summary>
    /// <param name="options">The retry settings.</param>
    /// <param name="timeProvider">The clock that reads <c>Retry-After</c> dates and drives the waits.</param>
    /// <param name="logger">Where retries are logged (event 2001, RetryScheduled); none when null.</param>
    public RetryHandler(RetryOptions options, TimeProvider timeProvider, ILogger? logger = null)
        : this(options, timeProvider, logger ?? NullLogger.Instance, ApiTelemetry.Shared, "default")
    {
    }

    internal RetryHandler(RetryOptions options, TimeProvider timeProvider, ILogger logger, ApiTelemetry telemetry, string clientName)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _telemetry = telemetry;
        _clientName = clientName;
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return InnerSend.Result(request, HandleAsync(request, cancellationToken));
    }

    private async ValueTask<HttpResponseMessage> HandleAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        int maxRetries = AllowedRetries(request);
        if (maxRetries == 0)
        {
            return await InnerSend.Track(request, base.SendAsync(request, cancellationToken)).ConfigureAwait(false);
        }

        // A content stream can be read once; buffering it lets every attempt send the same bytes.
        if (request.Content is not null)
        {
            CallDeadline.ArmFor(request);
#if NET9_0_OR_GREATER
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
#else
            await request.Content.LoadIntoBufferAsync().ConfigureAwait(false);
#endif
        }

        for (int retry = 1; ; retry++)
        {
            HttpResponseMessage response;
            try
            {
                response = await InnerSend.Track(request, base.SendAsync(request, cancellationToken)).ConfigureAwait(false);
            }
            catch (Exception exception) when (retry <= maxRetries && IsRetryableFailure(exception, request, cancellationToken))
            {
                TimeSpan backoff = Backoff(retry);
                Notify(request, retry, maxRetries, backoff, null, exception, fromRetryAfter: false);
                CallDeadline.ArmFor(request);
                await Task.Delay(backoff, _timeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (ApiTransportException exception) when (IsFor(exception, request))
            {
                exception.Attempts = retry;
                throw;
            }

            if (retry > maxRetries || !_options.RetryableStatusCodes.Contains(response.StatusCode))
            {
                return response;
            }

            TimeSpan? retryAfter = RetryAfterParser.Parse(response.Headers, _timeProvider.GetUtcNow());
            if (retryAfter > _options.MaxRetryAfter)
            {
                // Sleeping this long inside a call would look like a hang; the caller gets the
                // 429 (as a typed error carrying Retry-After) and can schedule the work itself.
                return response;
            }

            TimeSpan delay = retryAfter ?? Backoff(retry);
            HttpStatusCode status = response.StatusCode;
            response.Dispose();
            Notify(request, retry, maxRetries, delay, status, null, retryAfter.HasValue);
            CallDeadline.ArmFor(request);
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Counts the attempt for the call, and reports the retry to the log, the meter and the caller's callback.</summary>
    private void Notify(HttpRequestMessage request, int retry, int maxRetries, TimeSpan delay, HttpStatusCode? status, Exception? exception, bool fromRetryAfter)
    {
        if (CallState.Of(request) is { } state)
        {
            state.Attempts = retry + 1;
        }

        Uri? uri = UriText.StripUserInfo(request.RequestUri);
        var attempt = new RetryAttempt(request.Method.Method, uri, ApiOperation.Of(request)?.Name, retry, maxRetries, delay, status, exception, fromRetryAfter);
        string operation = attempt.OperationName ?? request.Method.Method;
        RetryLog.RetryScheduled(_logger, operation, attempt.RequestMethod, uri?.AbsoluteUri ?? string.Empty, attempt.Reason, retry, maxRetries, (long)delay.TotalMilliseconds, fromRetryAfter ? " (Retry-After)" : string.Empty);
        _telemetry.Retries.Add(
            1,
            new KeyValuePair<string, object?>(TelemetryNames.Operation, operation),
            new KeyValuePair<string, object?>(TelemetryNames.RetryReason, attempt.Reason),
            new KeyValuePair<string, object?>(TelemetryNames.ClientName, _clientName));
        _options.OnRetry?.Invoke(attempt);
    }

    private int AllowedRetries(HttpRequestMessage request)
    {
        RetryRequestOption? option = RetryRequestOption.From(request);
        if (option is { Enabled: false })
        {
            return 0;
        }

        if (_options.RetryableMethods is { } methods && !methods.Contains(request.Method))
        {
            return 0;
        }

        return Math.Max(0, option?.MaxRetries ?? _options.MaxRetries);
    }

    /// <summary>
    /// A transport failure is retried when sending again can help and cannot do harm: the request
    /// never left (no connection), or the operation is idempotent (by the spec's descriptor, else
    /// by its HTTP method). The caller's own cancellation, or a deadline above, is never retried.
    /// </summary>
    private bool IsRetryableFailure(Exception exception, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_options.RetryOnConnectionFailure || cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        ApiTransportException? transport = exception as ApiTransportException ?? TransportFailures.From(exception, request, cancellationToken);
        if (transport is null || !IsFor(transport, request) || !TransportFailures.IsTransient(transport))
        {
            return false;
        }

        return transport.Failure == TransportFailure.ConnectionFailed || IsIdempotent(request);
    }

    /// <summary>
    /// Whether the failure is this request's own. A token request that failed below (the bearer
    /// handler's) was already retried by the token client; sending this request again would only
    /// repeat those attempts.
    /// </summary>
    private static bool IsFor(ApiTransportException exception, HttpRequestMessage request) =>
        exception.RequestUri is null || request.RequestUri is null || exception.RequestUri.AbsolutePath == request.RequestUri.AbsolutePath && exception.RequestUri.Authority == request.RequestUri.Authority;

    private static bool IsIdempotent(HttpRequestMessage request) =>
        ApiOperation.Of(request)?.IsIdempotent
        ?? (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Options
            || request.Method == HttpMethod.Trace || request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete);

    private TimeSpan Backoff(int retry)
    {
        // BaseDelay * 2^(retry-1), computed in doubles so a large retry count cannot overflow.
        double exponential = _options.BaseDelay.Ticks * Math.Pow(2, retry - 1);
        double capped = Math.Min(exponential, _options.MaxDelay.Ticks);
        if (_options.UseJitter)
        {
            capped *= Random.Shared.NextDouble();
        }

        return TimeSpan.FromTicks((long)capped);
    }
}
