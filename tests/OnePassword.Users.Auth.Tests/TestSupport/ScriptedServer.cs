using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using OnePassword.Users.Testing;

namespace OnePassword.Users.Auth.Tests.TestSupport;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, port chosen by the OS). Each path has a script:
/// queued steps answer requests in arrival order, then an optional standing step answers the
/// rest. Every request is recorded before it is answered.
/// </summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    public const string TokenPath = "/v1beta1/users/oauth2/token";
    public const string RevokePath = "/v1beta1/users/oauth2/revoke";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<HttpContext, Task>>> _steps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _standing = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _received = new();

    private LoopbackHost _host = null!;

    private ScriptedServer()
    {
    }

    public Uri BaseAddress => _host.BaseAddress;

    public Uri TokenUri => Url(TokenPath);

    public Uri RevokeUri => Url(RevokePath);

    public IReadOnlyList<RecordedRequest> Requests => [.. _received];

    public static async Task<ScriptedServer> StartAsync()
    {
        var server = new ScriptedServer();
        server._host = await LoopbackHost.StartAsync(server.HandleAsync);
        return server;
    }

    public Uri Url(string path) => new(BaseAddress, path);

    /// <summary>Queues steps that answer the next requests to <paramref name="path"/>, one each.</summary>
    public ScriptedServer On(string path, params Func<HttpContext, Task>[] steps)
    {
        ConcurrentQueue<Func<HttpContext, Task>> queue = _steps.GetOrAdd(path, _ => new());
        foreach (Func<HttpContext, Task> step in steps)
        {
            queue.Enqueue(step);
        }

        return this;
    }

    /// <summary>Answers every request to <paramref name="path"/> that no queued step is left for.</summary>
    public ScriptedServer Always(string path, Func<HttpContext, Task> step)
    {
        _standing[path] = step;
        return this;
    }

    public IReadOnlyList<RecordedRequest> RequestsTo(string path) => [.. _received.Where(request => request.Path == path)];

    /// <summary>Waits (bounded, in real time) until <paramref name="count"/> requests reached <paramref name="path"/>.</summary>
    public Task WaitForRequestsAsync(string path, int count) =>
        Eventually.TrueAsync(() => RequestsTo(path).Count >= count, $"{count} requests to {path}");

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        string body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        string path = context.Request.Path.Value ?? string.Empty;
        _received.Enqueue(new RecordedRequest(context.Request.Method, path, headers, body));

        if (_steps.TryGetValue(path, out ConcurrentQueue<Func<HttpContext, Task>>? queue) && queue.TryDequeue(out Func<HttpContext, Task>? step))
        {
            await step(context);
        }
        else if (_standing.TryGetValue(path, out Func<HttpContext, Task>? standing))
        {
            await standing(context);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status418ImATeapot;
            await context.Response.WriteAsync($"the test script has no step for {path}", context.RequestAborted);
        }
    }
}
