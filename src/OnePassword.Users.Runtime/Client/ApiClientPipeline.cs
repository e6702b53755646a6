using Microsoft.Kiota.Abstractions;

namespace OnePassword.Users.Runtime;

/// <summary>
/// The HTTP pipeline behind a client made with a generated <c>Create</c> method, built from
/// <see cref="PipelineHandlers"/>, outermost first: call deadline → retries (honouring
/// Retry-After) → client-side rate limiting → bearer token → per-attempt timeout → transport guard
/// (redirects refused, body read against the size limit) → transport with redirects off. The
/// token endpoint has its own client on the same transport, so token requests never carry a
/// bearer token and never spend the API's rate limit.
/// </summary>
public sealed class ApiClientPipeline : IDisposable, IAsyncDisposable
{
    private readonly HttpClient _httpClient;
    private readonly HttpClient? _tokenHttpClient;
    private readonly ClientCredentialsTokenProvider? _tokens;
    private readonly SharedRateLimiter? _limiter;
    private readonly HttpMessageHandler? _ownedTransport;
    private int _disposed;

    private ApiClientPipeline(IRequestAdapter requestAdapter, HttpClient httpClient, HttpClient? tokenHttpClient, ClientCredentialsTokenProvider? tokens, SharedRateLimiter? limiter, HttpMessageHandler? ownedTransport, Uri baseUrl)
    {
        RequestAdapter = requestAdapter;
        _httpClient = httpClient;
        _tokenHttpClient = tokenHttpClient;
        _tokens = tokens;
        _limiter = limiter;
        _ownedTransport = ownedTransport;
        BaseUrl = baseUrl;
    }

    /// <summary>The request adapter the generated client sends through.</summary>
    public IRequestAdapter RequestAdapter { get; }

    /// <summary>The base URL requests go to.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The token provider, when the API uses OAuth 2.0 client credentials.</summary>
    public ClientCredentialsTokenProvider? Tokens => _tokens;

    /// <summary>Builds the pipeline for a generated client.</summary>
    /// <param name="options">The caller's settings.</param>
    /// <param name="description">The generated client's <c>Description</c>.</param>
    /// <returns>The pipeline; dispose it (through the client) to release it.</returns>
    /// <exception cref="ArgumentException">A required option is missing or invalid, or another live client with the same credentials paces with other rate-limit settings; the message names the option.</exception>
    public static ApiClientPipeline Create(ApiClientOptions options, ApiDescription description)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(description);
        Validate(options);
        var baseUrl = BaseUrlResolver.Resolve(options, description);
        var timeProvider = options.TimeProvider ?? TimeProvider.System;
        var credentials = description.UsesBearerToken ? RequireCredentials(options) : null;
        var tokenUrl = options.TokenUrl?.ToString() ?? description.TokenUrl;
        if (credentials is not null && tokenUrl is null)
        {
            throw new ArgumentException("The spec declares no OAuth 2.0 token URL; set ApiClientOptions.TokenUrl.", nameof(options));
        }

        if (options.Transport is { } given)
        {
            HttpTransport.EnsureNoRedirects(given, nameof(options));
        }

        var rateLimit = options.RateLimit ?? RateLimitFromDescription(description);
        SharedRateLimiter? limiter = rateLimit.Enabled && rateLimit.Rules.Count > 0
            ? ClientRateLimiter.Acquire(ClientRateLimiter.PartitionKey(baseUrl, options.ClientId ?? string.Empty), rateLimit, timeProvider)
            : null;

        var ownedTransport = options.Transport is null ? HttpTransport.Create() : null;
        try
        {
            return Build(options, description, baseUrl, timeProvider, credentials, tokenUrl, rateLimit, limiter, ownedTransport);
        }
        catch
        {
            limiter?.Dispose();
            ownedTransport?.Dispose();
            throw;
        }
    }

    /// <summary>Releases the pipeline without revoking the token (use <see cref="DisposeAsync"/> to revoke).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Release();
        }
    }

    /// <summary>Revokes the live access token (best effort, never throws) and releases the pipeline.</summary>
    /// <returns>A task that completes when the pipeline is released.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_tokens is not null)
        {
            await _tokens.DisposeAsync().ConfigureAwait(false);
        }

        Release();
    }

    private void Release()
    {
        _httpClient.Dispose();
        _tokenHttpClient?.Dispose();
        _limiter?.Dispose();
        _ownedTransport?.Dispose();
    }

    private static ApiClientPipeline Build(ApiClientOptions options, ApiDescription description, Uri baseUrl, TimeProvider timeProvider, ClientCredentials? credentials, string? tokenUrl, RateLimitOptions rateLimit, SharedRateLimiter? limiter, HttpMessageHandler? ownedTransport)
    {
        var transport = options.Transport ?? ownedTransport!;
        var tokenOptions = options.Token ?? new TokenCacheOptions();
        var context = new PipelineContext(options, timeProvider, options.Retry ?? new RetryOptions(), rateLimit, limiter?.Limiter, Tokens: null, AllowedHosts: null, tokenOptions);

        HttpClient? tokenHttpClient = null;
        ClientCredentialsTokenProvider? tokens = null;
        if (credentials is not null)
        {
            var endpoint = TokenEndpoint.Resolve(baseUrl, tokenUrl!, description.RevocationUrl, description.Scopes);
            var allowedHosts = new AllowedHosts([.. description.ServerUrls.Select(url => new Uri(url)), baseUrl]);
            tokenHttpClient = new HttpClient(PipelineHandlers.Chain(PipelineHandlers.Token, context, new NonDisposingHandler(transport)), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
            tokenHttpClient.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
            tokens = new ClientCredentialsTokenProvider(credentials, endpoint, tokenHttpClient, tokenOptions, timeProvider);
            context = context with { Tokens = tokens, AllowedHosts = allowedHosts };
        }

        var httpClient = new HttpClient(PipelineHandlers.Chain(PipelineHandlers.Api, context, new NonDisposingHandler(transport)), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        httpClient.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        return new ApiClientPipeline(new ApiRequestAdapter(httpClient, baseUrl.ToString()), httpClient, tokenHttpClient, tokens, limiter, ownedTransport, baseUrl);
    }

    private static void Validate(ApiClientOptions options)
    {
        if (options.Timeout != Timeout.InfiniteTimeSpan && options.Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"ApiClientOptions.Timeout must be positive or Timeout.InfiniteTimeSpan, not {options.Timeout}.", nameof(options));
        }

        if (options.CallTimeout != Timeout.InfiniteTimeSpan && options.CallTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"ApiClientOptions.CallTimeout must be positive or Timeout.InfiniteTimeSpan, not {options.CallTimeout}.", nameof(options));
        }

        if (options.MaxResponseBodySize < 1024)
        {
            throw new ArgumentException($"ApiClientOptions.MaxResponseBodySize must be at least 1024 bytes, not {options.MaxResponseBodySize}.", nameof(options));
        }
    }

    private static ClientCredentials RequireCredentials(ApiClientOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            throw new ArgumentException("ApiClientOptions.ClientId is required: the OAuth application's client id.", nameof(options));
        }

        if (string.IsNullOrEmpty(options.ClientSecret))
        {
            throw new ArgumentException("ApiClientOptions.ClientSecret is required: the OAuth application's client secret.", nameof(options));
        }

        return new ClientCredentials(options.ClientId, options.ClientSecret, options.Scope);
    }

    private static RateLimitOptions RateLimitFromDescription(ApiDescription description) => new()
    {
        Rules = [.. description.RateLimits.Select(limit => new RateLimitRule(limit.Limit, limit.Window))],
        Enabled = description.RateLimits.Count > 0,
    };
}
