using Microsoft.Kiota.Abstractions;

namespace OnePassword.Users.Runtime;

/// <summary>
/// The HTTP pipeline behind a client made with a generated <c>Create</c> method, built from
/// <see cref="PipelineHandlers"/>, outermost first: operation scope (span, metrics, audit) → call
/// deadline → retries (honouring Retry-After) → client-side rate limiting → bearer token →
/// per-attempt timeout → transport guard (redirects refused, body read against the size limit) →
/// transport with redirects off. The token endpoint has its own client on the same transport, so
/// token requests never carry a bearer token and never spend the API's rate limit.
/// </summary>
public sealed class ApiClientPipeline : IDisposable, IAsyncDisposable
{
    private readonly HttpClient _httpClient;
    private readonly PipelineSender _sender;
    private readonly ClientParts _parts;
    private readonly HttpMessageHandler? _ownedTransport;
    private int _disposed;

    private ApiClientPipeline(HttpClient httpClient, PipelineSender sender, ClientParts parts, HttpMessageHandler? ownedTransport)
    {
        _httpClient = httpClient;
        _sender = sender;
        _parts = parts;
        _ownedTransport = ownedTransport;
        RequestAdapter = new ApiRequestAdapter(httpClient, parts.BaseUrl.ToString(), sender);
    }

    /// <summary>The request adapter the generated client sends through.</summary>
    public IRequestAdapter RequestAdapter { get; }

    /// <summary>The base URL requests go to.</summary>
    public Uri BaseUrl => _parts.BaseUrl;

    /// <summary>The token provider, when the API uses OAuth 2.0 client credentials.</summary>
    public ClientCredentialsTokenProvider? Tokens => _parts.Context.Tokens;

    /// <summary>Builds the pipeline for a generated client.</summary>
    /// <param name="options">The caller's settings.</param>
    /// <param name="description">The generated client's <c>Description</c>.</param>
    /// <returns>The pipeline; dispose it (through the client) to release it.</returns>
    /// <exception cref="ArgumentException">A required option is missing or invalid, or another live client with the same credentials paces with other rate-limit settings; the message names the option.</exception>
    public static ApiClientPipeline Create(ApiClientOptions options, ApiDescription description)
    {
        PipelineContext settings = ClientParts.Settings(options, description);
        if (options.Transport is { } given)
        {
            HttpTransport.EnsureNoRedirects(given, nameof(options));
        }

        HttpMessageHandler? ownedTransport = options.Transport is null ? HttpTransport.Create() : null;
        HttpMessageHandler transport = options.Transport ?? ownedTransport!;
        try
        {
            ClientParts parts = ClientParts.Create(settings, description, () => new HttpClient(new NonDisposingHandler(transport), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan });
            HttpMessageHandler handlers = PipelineHandlers.Chain(PipelineHandlers.Api, parts.Context, new NonDisposingHandler(transport));
            var httpClient = new HttpClient(handlers, disposeHandler: true)
            {
                Timeout = Timeout.InfiniteTimeSpan,
            };
            UserAgentHeader.ApplyTo(httpClient, options);
            return new ApiClientPipeline(httpClient, new PipelineSender(handlers, options.UserAgent), parts, ownedTransport);
        }
        catch
        {
            ownedTransport?.Dispose();
            throw;
        }
    }

    /// <summary>Releases the pipeline without revoking the token (use <see cref="DisposeAsync"/> to revoke).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _parts.Dispose();
            Release();
        }
    }

    /// <summary>Revokes the live access token (best effort, never throws) and releases the pipeline.</summary>
    /// <returns>A task that completes when the pipeline is released.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _parts.DisposeAsync().ConfigureAwait(false);
            Release();
        }
    }

    private void Release()
    {
        _sender.Dispose();
        _httpClient.Dispose();
        _ownedTransport?.Dispose();
    }
}
