namespace OnePassword.Users.Auth.Tests.TestSupport;

/// <summary>
/// Counts requests as they enter the token client's pipeline, synchronously, so a test can tell
/// right after a call returns whether that call started a token request.
/// </summary>
internal sealed class CountingHandler : DelegatingHandler
{
    private int _count;

    public CountingHandler()
        : base(new SocketsHttpHandler())
    {
    }

    public int Count => Volatile.Read(ref _count);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return base.SendAsync(request, cancellationToken);
    }
}
