namespace OnePassword.Users.Runtime;

/// <summary>
/// Bounds one attempt, below the retry handler: a hung attempt is abandoned and retried, while
/// waits for the rate limiter or Retry-After, which happen above, are not cut short.
/// </summary>
internal sealed class AttemptTimeoutHandler : DelegatingHandler
{
    private readonly TimeSpan _timeout;

    public AttemptTimeoutHandler(TimeSpan timeout) => _timeout = timeout;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_timeout == Timeout.InfiniteTimeSpan)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            return await base.SendAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The request to {request.RequestUri} took longer than {_timeout.TotalSeconds:0.#} s.", exception);
        }
    }
}
