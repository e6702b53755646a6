using System.Globalization;

namespace OnePassword.Users.Runtime;

/// <summary>
/// The outermost handler: one deadline for the whole call, across rate-limit waits, token
/// requests and every retry, so no call outlives <see cref="ApiClientOptions.CallTimeout"/>.
/// </summary>
internal sealed class CallDeadlineHandler : DelegatingHandler
{
    private readonly TimeSpan _deadline;
    private readonly TimeProvider _timeProvider;

    public CallDeadlineHandler(TimeSpan deadline, TimeProvider timeProvider)
    {
        _deadline = deadline;
        _timeProvider = timeProvider;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_deadline == Timeout.InfiniteTimeSpan)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var deadline = new CancellationTokenSource(_deadline, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await base.SendAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested && exception is OperationCanceledException or ApiTransportException { Failure: TransportFailure.Timeout })
        {
            throw new ApiTransportException(
                TransportFailure.Timeout,
                request.Method.Method,
                request.RequestUri,
                $"the call took longer than its deadline of {_deadline.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s (ApiClientOptions.CallTimeout)",
                exception);
        }
    }
}
