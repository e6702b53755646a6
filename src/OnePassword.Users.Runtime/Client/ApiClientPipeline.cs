using Microsoft.Kiota.Abstractions;

namespace OnePassword.Users.Runtime;

/// <summary>
/// The HTTP pipeline behind a client made with a generated <c>Create</c> method, outermost first:
/// retries (honouring Retry-After) → client-side rate limiting → bearer token → per-attempt
/// timeout → transport. Every retry therefore takes its own rate-limit permit and, after a
/// 401, a fresh token. The token endpoint has its own client on the same transport, so token
/// requests never carry a bearer token and never spend the API's rate limit.
/// </summary>
public sealed class ApiClientPipeline : IDisposable, IAsyncDisposable
{
    private readonly HttpClient _httpClient;
    private readonly HttpClient? _tokenHttpClient;
    private readonly ClientCredentialsTokenProvider? _tokens;
    private readonly HttpMessageHandler? _ownedTransport;
    private int _disposed;

    private ApiClientPipeline(IRequestAdapter requestAdapter, HttpClient httpClient, HttpClient? tokenHttpClient, ClientCredentialsTokenProvider? tokens, HttpMessageHandler? ownedTransport, Uri baseUrl)
    {
        RequestAdapter = requestAdapter;
        _httpClient = httpClient;
        _tokenHttpClient = tokenHttpClient;
        _tokens = tokens;
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
    /// <exception cref="ArgumentException">A required option is missing or invalid; the message names it.</exception>
    public static ApiClientPipeline Create(ApiClientOptions options, ApiDescription description)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(description);
        var baseUrl = BaseUrlResolver.Resolve(options, description);
        var timeProvider = options.TimeProvider ?? TimeProvider.System;
        var credentials = description.UsesBearerToken ? RequireCredentials(options) : null;
        var tokenUrl = options.TokenUrl?.ToString() ?? description.TokenUrl;
        if (credentials is not null && tokenUrl is null)
        {
            throw new ArgumentException("The spec declares no OAuth 2.0 token URL; set ApiClientOptions.TokenUrl.", nameof(options));
        }

        var ownedTransport = options.Transport is null ? CreateTransport() : null;
        var transport = options.Transport ?? ownedTransport!;
        HttpMessageHandler handler = new AttemptTimeoutHandler(options.Timeout) { InnerHandler = new NonDisposingHandler(transport) };

        HttpClient? tokenHttpClient = null;
        ClientCredentialsTokenProvider? tokens = null;
        if (credentials is not null)
        {
            tokenHttpClient = new HttpClient(new NonDisposingHandler(transport), disposeHandler: true) { Timeout = options.Timeout };
            tokenHttpClient.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
            var endpoint = TokenEndpoint.Resolve(baseUrl, tokenUrl!, description.RevocationUrl, description.Scopes);
            tokens = new ClientCredentialsTokenProvider(credentials, endpoint, tokenHttpClient, options.Token, timeProvider);
            var allowedHosts = new AllowedHosts([.. description.ServerUrls.Select(url => new Uri(url)), baseUrl]);
            handler = new BearerTokenHandler(tokens, allowedHosts) { InnerHandler = handler };
        }

        var rateLimit = options.RateLimit ?? RateLimitFromDescription(description);
        if (rateLimit.Enabled && rateLimit.Rules.Count > 0)
        {
            var limiter = ClientRateLimiter.Shared(ClientRateLimiter.PartitionKey(baseUrl, options.ClientId ?? string.Empty), rateLimit, timeProvider);
            handler = new RateLimitingHandler(limiter, rateLimit, timeProvider) { InnerHandler = handler };
        }

        handler = new RetryHandler(options.Retry ?? new RetryOptions(), timeProvider) { InnerHandler = handler };

        var httpClient = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        httpClient.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        return new ApiClientPipeline(new ApiRequestAdapter(httpClient, baseUrl.ToString()), httpClient, tokenHttpClient, tokens, ownedTransport, baseUrl);
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
        _ownedTransport?.Dispose();
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

    private static SocketsHttpHandler CreateTransport() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
    };
}
