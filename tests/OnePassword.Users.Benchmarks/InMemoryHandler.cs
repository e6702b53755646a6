using System.Net;

namespace OnePassword.Users.Benchmarks;

/// <summary>
/// Answers every request with canned JSON from memory, so the benchmarks measure the clients, not a
/// network. Headers are stored as the raw strings SocketsHttpHandler stores off the wire, so a
/// client pays to parse them exactly as it would against a server.
/// </summary>
internal sealed class InMemoryHandler(Func<HttpRequestMessage, byte[]> respond) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(respond(request));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
