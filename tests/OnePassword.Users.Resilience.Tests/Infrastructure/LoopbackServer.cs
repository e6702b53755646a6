using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using OnePassword.Users.Testing;

namespace OnePassword.Users.Resilience.Tests.Infrastructure;

/// <summary>A request as the loopback server saw it.</summary>
internal sealed record ReceivedRequest(string Method, string PathAndQuery, string? Authorization, string Body, DateTimeOffset? ReceivedAt);

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, port chosen by the OS) that answers requests with
/// a script, one step per request in arrival order, and records what it received.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script;
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private readonly TimeProvider? _clock;

    private LoopbackHost _host = null!;

    private LoopbackServer(IEnumerable<Func<HttpContext, Task>> script, TimeProvider? clock)
    {
        _script = new ConcurrentQueue<Func<HttpContext, Task>>(script);
        _clock = clock;
    }

    public Uri BaseAddress => _host.BaseAddress;

    public IReadOnlyList<ReceivedRequest> Requests => [.. _received];

    /// <summary>Starts a server; <paramref name="clock"/>, when given, stamps each request with its time of receipt.</summary>
    public static async Task<LoopbackServer> StartAsync(TimeProvider? clock, params Func<HttpContext, Task>[] script)
    {
        var server = new LoopbackServer(script, clock);
        server._host = await LoopbackHost.StartAsync(server.HandleAsync);
        return server;
    }

    public static Task<LoopbackServer> StartAsync(params Func<HttpContext, Task>[] script) => StartAsync(null, script);

    /// <summary>Waits (bounded, in real time) until the server has received <paramref name="count"/> requests.</summary>
    public Task WaitForRequestsAsync(int count) => Eventually.TrueAsync(() => _received.Count >= count, $"{count} requests to arrive");

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        string body = await reader.ReadToEndAsync(context.RequestAborted);
        _received.Enqueue(new ReceivedRequest(
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization ? authorization : null,
            body,
            _clock?.GetUtcNow()));

        if (_script.TryDequeue(out Func<HttpContext, Task>? step))
        {
            await step(context);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status418ImATeapot;
            await context.Response.WriteAsync("the test script has no step for this request", context.RequestAborted);
        }
    }
}
