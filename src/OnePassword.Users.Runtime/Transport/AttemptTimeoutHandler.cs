using System.Globalization;

namespace OnePassword.Users.Runtime;

/// <summary>
/// Bounds one attempt, body included (the guard below reads the body before it returns), and
/// sits below the retry handler: a hung attempt is abandoned and retried, while waits for the
/// rate limiter or <c>Retry-After</c>, which happen above, are not cut short.
/// </summary>
internal sealed class AttemptTimeoutHandler : DelegatingHandler
{
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _timeProvider;
    private readonly string _optionName;

    /// <param name="timeout">The bound of one attempt.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="optionName">The setting the bound comes from, for the message.</param>
    public AttemptTimeoutHandler(TimeSpan timeout, TimeProvider timeProvider, string optionName)
    {
        _timeout = timeout;
        _timeProvider = timeProvider;
        _optionName = optionName;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_timeout == Timeout.InfiniteTimeSpan)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var timeout = new CancellationTokenSource(_timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await base.SendAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ApiTransportException(
                TransportFailure.Timeout,
                request.Method.Method,
                request.RequestUri,
                $"the attempt took longer than {_timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s ({_optionName})",
                exception);
        }
    }
}
