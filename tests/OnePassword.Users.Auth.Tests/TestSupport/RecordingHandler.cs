using System.Collections.Concurrent;
using System.Net;

namespace OnePassword.Users.Auth.Tests.TestSupport;

/// <summary>
/// A terminal handler that answers 200 without any network and records each request's
/// Authorization header as it was at send time. It stands in for hosts a test cannot reach
/// (https://api.1password.com and look-alikes), where only what would have been sent matters.
/// </summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<(Uri Uri, string? Authorization)> _sent = new();

    public IReadOnlyList<(Uri Uri, string? Authorization)> Sent => [.. _sent];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _sent.Enqueue((request.RequestUri!, request.Headers.Authorization?.ToString()));
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request });
    }
}
