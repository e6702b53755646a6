using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OnePassword.Users.Tests.Support;

/// <summary>A request as it arrived on the wire, before any routing or decoding.</summary>
internal sealed record RecordedRequest(string Method, string RawTarget, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// A real Kestrel server on 127.0.0.1 that records every request's raw target and headers and
/// answers with whatever the test scripts, so tests see exactly what the client sent.
/// </summary>
internal sealed class RecordingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private RecordingServer(WebApplication app) => _app = app;

    public Func<RecordedRequest, (int Status, string Body, string ContentType)> Respond { get; set; } =
        _ => (200, "{}", "application/json");

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<RecordingServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new RecordingServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
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

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
