using System.Net;
using System.Net.Http.Headers;

namespace OnePassword.Users.Benchmarks;

/// <summary>Answers every request with canned JSON from memory, so the benchmarks measure the clients, not a network.</summary>
internal sealed class InMemoryHandler(Func<HttpRequestMessage, byte[]> respond) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(respond(request));
        content.Headers.ContentType = Json;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
