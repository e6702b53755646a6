using Microsoft.Kiota.Abstractions;

namespace OnePassword.Users.Runtime;

/// <summary>
/// The HTTP pipeline behind a client made with a generated <c>Create</c> method, outermost first:
/// retries (honouring Retry-After) → client-side rate limiting → bearer token → transport.
/// Every retry therefore takes its own rate-limit permit and, after a 401, a fresh token.
/// </summary>
public sealed class ApiClientPipeline : IDisposable, IAsyncDisposable
{
    private readonly HttpClient _httpClient;
    private readonly HttpMessageHandler? _ownedTransport;

    private ApiClientPipeline(IRequestAdapter requestAdapter, HttpClient httpClient, HttpMessageHandler? ownedTransport, Uri baseUrl)
    {
        RequestAdapter = requestAdapter;
        _httpClient = httpClient;
        _ownedTransport = ownedTransport;
        BaseUrl = baseUrl;
    }

    /// <summary>The request adapter the generated client sends through.</summary>
    public IRequestAdapter RequestAdapter { get; }

    /// <summary>The base URL requests go to.</summary>
    public Uri BaseUrl { get; }

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

        var ownedTransport = options.Transport is null ? CreateTransport() : null;
        var transport = options.Transport ?? ownedTransport!;

        HttpMessageHandler handler = new NonDisposingHandler(transport);
        var rateLimit = options.RateLimit ?? RateLimitFromDescription(description);
        if (rateLimit.Enabled && rateLimit.Rules.Count > 0)
        {
            var limiter = ClientRateLimiter.Shared(ClientRateLimiter.PartitionKey(baseUrl, options.ClientId ?? string.Empty), rateLimit, timeProvider);
            handler = new RateLimitingHandler(limiter, rateLimit, timeProvider) { InnerHandler = handler };
        }

        handler = new RetryHandler(options.Retry ?? new RetryOptions(), timeProvider) { InnerHandler = handler };

        var httpClient = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        httpClient.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        var adapter = new ApiRequestAdapter(httpClient, baseUrl.ToString());
        return new ApiClientPipeline(adapter, httpClient, ownedTransport, baseUrl);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _httpClient.Dispose();
        _ownedTransport?.Dispose();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
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
