using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using OnePassword.Users.Testing;

namespace OnePassword.Users.Tests.Support;

/// <summary>A request as it arrived on the wire, before any routing or decoding.</summary>
internal sealed record RecordedRequest(string Method, string RawTarget, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// A real Kestrel server on 127.0.0.1 that records every request's raw target and headers and
/// answers with whatever the test scripts, so tests see exactly what the client sent.
/// </summary>
internal sealed class RecordingServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private LoopbackHost _host = null!;

    private RecordingServer()
    {
    }

    public Func<RecordedRequest, (int Status, string Body, string ContentType)> Respond { get; set; } =
        _ => (200, "{}", "application/json");

    public Uri BaseUrl => _host.BaseAddress;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<RecordingServer> StartAsync()
    {
        var server = new RecordingServer();
        server._host = await LoopbackHost.StartAsync(server.HandleAsync);
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var request = new RecordedRequest(
            context.Request.Method,
            rawTarget,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body);
        _requests.Enqueue(request);
        var (status, responseBody, contentType) = Respond(request);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(responseBody);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
