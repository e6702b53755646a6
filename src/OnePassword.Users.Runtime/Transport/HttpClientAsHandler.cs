namespace OnePassword.Users.Runtime;

/// <summary>
/// An <see cref="HttpClient"/> seen as the handler below a <see cref="TransportGuardHandler"/>,
/// so the token client bounds its requests in time and size, and refuses a followed redirect,
/// whichever client it was given: the SDK's own or a caller's. The client is not disposed here.
/// </summary>
internal sealed class HttpClientAsHandler(HttpClient client) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
}
