namespace OnePassword.Users.Resilience.Tests.Infrastructure;

/// <summary>
/// An in-memory transport for the few tests that need to fail in ways a socket cannot be made to
/// (an inner timeout) or that only count attempts; everything else uses <see cref="LoopbackServer"/>.
/// </summary>
internal sealed class ScriptedHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] script) : HttpMessageHandler
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        int call = Interlocked.Increment(ref _calls) - 1;
        HttpResponseMessage response = script[Math.Min(call, script.Length - 1)](request);
        response.RequestMessage = request;
        return Task.FromResult(response);
    }
}
