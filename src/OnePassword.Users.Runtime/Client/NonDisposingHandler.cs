namespace OnePassword.Users.Runtime;

/// <summary>
/// Passes requests to a transport the pipeline does not own (a caller's handler, or one shared
/// with the token client), so disposing the pipeline's handlers leaves it usable.
/// </summary>
internal sealed class NonDisposingHandler : DelegatingHandler
{
    private readonly HttpMessageInvoker _transport;

    public NonDisposingHandler(HttpMessageHandler transport) => _transport = new HttpMessageInvoker(transport, disposeHandler: false);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _transport.SendAsync(request, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _transport.Dispose();
        }

        base.Dispose(disposing);
    }
}
