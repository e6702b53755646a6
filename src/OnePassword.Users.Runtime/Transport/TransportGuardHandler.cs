namespace OnePassword.Users.Runtime;

/// <summary>
/// The innermost handler, right above the transport: one exchange with the network, bounded and
/// checked before any other handler or reader sees what came back.
/// <list type="bullet">
/// <item>The exchange, body included, has one time limit (<see cref="ApiClientOptions.Timeout"/>
/// for API calls); the retry handler above can then abandon a hung attempt and try again, while
/// waits for the rate limiter or <c>Retry-After</c>, which happen above, are not cut short.</item>
/// <item>A response that the transport fetched from another address (it followed a redirect) is refused.</item>
/// <item>A declared <c>Content-Length</c> above the limit is refused before a byte is read.</item>
/// <item>The body is read whole into a pooled buffer, counting decompressed bytes against the
/// limit, so a retry above can repeat an attempt whose body was cut off.</item>
/// <item>Every transport failure becomes an <see cref="ApiTransportException"/> that names the request.</item>
/// </list>
/// </summary>
internal sealed class TransportGuardHandler : DelegatingHandler
{
    private readonly int _maxResponseBodySize;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _timeProvider;
    private readonly string _timeoutOptionName;

    /// <param name="maxResponseBodySize">The largest body read, in bytes.</param>
    /// <param name="timeout">The bound of one exchange, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="timeoutOptionName">The setting the bound comes from, for the message.</param>
    public TransportGuardHandler(int maxResponseBodySize, TimeSpan timeout, TimeProvider timeProvider, string timeoutOptionName)
    {
        _maxResponseBodySize = maxResponseBodySize;
        _timeout = timeout;
        _timeProvider = timeProvider;
        _timeoutOptionName = timeoutOptionName;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        InnerSend.Result(request, HandleAsync(request, cancellationToken));

    private async ValueTask<HttpResponseMessage> HandleAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The call's deadline needs its timer only when this attempt may run as long as the call may.
        CallDeadline? deadline = CallState.Of(request)?.Deadline;
        deadline?.ArmUnlessBoundedBy(_timeout);
        // The attempt's timer is set before its first wait: an exchange answered synchronously
        // needs none, and over a network that wait comes at once.
        using TimeLimit attempt = TimeLimit.StartUnarmed(_timeout, _timeProvider, CallDeadline.ForAttempt(deadline, cancellationToken));
        bool armed = false;
        try
        {
            Uri? sentTo = request.RequestUri;
            HttpResponseMessage response;
            try
            {
                Task<HttpResponseMessage> sending = InnerSend.Track(request, base.SendAsync(request, attempt.Token));
                if (!sending.IsCompleted)
                {
                    attempt.Arm();
                    armed = true;
                }

                response = await sending.ConfigureAwait(false);
            }
            catch (Exception exception) when (TransportFailures.From(exception, request, attempt.Token) is { } transport)
            {
                throw transport;
            }

            if (sentTo is not null && request.RequestUri is { } finalUri && finalUri != sentTo)
            {
                using (response)
                {
                    throw RedirectRefusedException.Followed(response, sentTo, finalUri);
                }
            }

            ValueTask<PooledBody> reading = ReadBodyAsync(response, request, _maxResponseBodySize, attempt.Token);
            if (!reading.IsCompleted && !armed)
            {
                attempt.Arm();
            }

            PooledBody body = await reading.ConfigureAwait(false);
            HttpContent original = response.Content;
            response.Content = new BufferedResponseContent(body, original.Headers);
            original.Dispose();
            return response;
        }
        catch (Exception exception) when (attempt.Expired && exception is OperationCanceledException)
        {
            // The attempt's own limit, not the caller: the transport saw a cancelled token.
            throw TransportFailures.AttemptTimedOut(request, _timeout, _timeoutOptionName, exception);
        }
    }

    /// <summary>
    /// Reads a response's body against <paramref name="limit"/>; on any failure the response is
    /// disposed and the failure is an SDK exception (too large, or a transport failure).
    /// </summary>
    internal static async ValueTask<PooledBody> ReadBodyAsync(HttpResponseMessage response, HttpRequestMessage? request, int limit, CancellationToken cancellationToken)
    {
        try
        {
            long? declared = response.Content.Headers.ContentLength;
            if (declared > limit)
            {
                throw ResponseTooLargeException.Create(response, limit, declared.Value);
            }

            return await PooledBody.ReadAsync(response.Content, declared, limit, cancellationToken).ConfigureAwait(false);
        }
        catch (ResponseLimitExceededException)
        {
            ResponseTooLargeException tooLarge = ResponseTooLargeException.Create(response, limit, declaredLength: null);
            response.Dispose();
            throw tooLarge;
        }
        catch (Exception exception) when (TransportFailures.From(exception, request, cancellationToken) is { } transport)
        {
            response.Dispose();
            throw transport;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
