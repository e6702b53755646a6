using System.Net;

namespace OnePassword.Users.Runtime;

/// <summary>
/// Sends a request again after a transient failure: a retryable status (by default 429, 502,
/// 503, 504) or a connection failure. Waits honour the server's <c>Retry-After</c> (seconds or
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

    /// <summary>Creates the handler.</summary>
    /// <param name="options">The retry settings.</param>
    /// <param name="timeProvider">The clock that reads <c>Retry-After</c> dates and drives the waits.</param>
    public RetryHandler(RetryOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        _options = options;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        int maxRetries = AllowedRetries(request);
        if (maxRetries == 0)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        // A content stream can be read once; buffering it lets every attempt send the same bytes.
        if (request.Content is not null)
        {
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
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (retry <= maxRetries && IsTransientFailure(exception, cancellationToken))
            {
                TimeSpan backoff = Backoff(retry);
                _options.OnRetry?.Invoke(new RetryAttempt(request, retry, backoff, null, exception, false));
                await Task.Delay(backoff, _timeProvider, cancellationToken).ConfigureAwait(false);
                continue;
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
            _options.OnRetry?.Invoke(new RetryAttempt(request, retry, delay, status, null, retryAfter.HasValue));
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
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

    private bool IsTransientFailure(Exception exception, CancellationToken cancellationToken)
    {
        if (!_options.RetryOnConnectionFailure || cancellationToken.IsCancellationRequested)
        {
            // The caller's own cancellation (or HttpClient.Timeout, which reaches handlers as the
            // caller's token) ends the call; only failures nobody asked for are retried.
            return false;
        }

        return exception switch
        {
            HttpRequestException http => IsTransientRequestError(http.HttpRequestError),
            // A timeout below this handler (an inner HttpClient or per-attempt timeout) that the
            // caller did not request.
            OperationCanceledException => true,
            TimeoutException => true,
            _ => false,
        };
    }

    private static bool IsTransientRequestError(HttpRequestError error) => error switch
    {
        // Retrying cannot fix these: the same request fails the same way.
        HttpRequestError.SecureConnectionError
            or HttpRequestError.UserAuthenticationError
            or HttpRequestError.ConfigurationLimitExceeded
            or HttpRequestError.VersionNegotiationError
            or HttpRequestError.ExtendedConnectNotSupported => false,
        _ => true,
    };

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
