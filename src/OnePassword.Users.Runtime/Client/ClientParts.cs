using Microsoft.Extensions.Logging.Abstractions;

namespace OnePassword.Users.Runtime;

/// <summary>
/// The long-lived parts of one client, built the same way by <see cref="ApiClientPipeline.Create"/>
/// and by dependency injection: the checked settings, the token provider, the lease on the shared
/// rate budget, and the <see cref="PipelineContext"/> its handlers share. Disposing it asynchronously
/// revokes the token.
/// </summary>
internal sealed class ClientParts : IAsyncDisposable, IDisposable
{
    private readonly IDisposable? _limiterOwner;
    private readonly HttpClient? _tokenHttpClient;
    private readonly IDisposable? _budgetObservation;
    private readonly CancellationTokenSource _stopping;
    private int _disposed;

    private ClientParts(PipelineContext context, CancellationTokenSource stopping, Uri baseUrl, IDisposable? limiterOwner, HttpClient? tokenHttpClient, IDisposable? budgetObservation)
    {
        Context = context;
        _stopping = stopping;
        BaseUrl = baseUrl;
        _limiterOwner = limiterOwner;
        _tokenHttpClient = tokenHttpClient;
        _budgetObservation = budgetObservation;
    }

    public PipelineContext Context { get; }

    public Uri BaseUrl { get; }

    /// <summary>
    /// The settings every handler needs before the token provider and the limiter exist; the
    /// token client's handlers need no more than this.
    /// </summary>
    /// <exception cref="ArgumentException">A setting breaks a rule of <see cref="ApiClientOptionsRules"/>.</exception>
    public static PipelineContext Settings(ApiClientOptions options, ApiDescription description)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(description);
        ApiClientOptionsRules.ThrowIfInvalid(options, description);
        return new PipelineContext(
            options,
            options.TimeProvider ?? TimeProvider.System,
            options.Retry ?? new RetryOptions(),
            options.RateLimit ?? RateLimitFromDescription(description),
            Limiter: null,
            Tokens: null,
            AllowedHosts: null,
            options.Token ?? new TokenCacheOptions(),
            options.LoggerFactory ?? NullLoggerFactory.Instance,
            ApiTelemetry.For(options.MeterFactory),
            options.AuditSink ?? new LoggerAuditSink(options.LoggerFactory),
            options.Name);
    }

    /// <summary>Builds the parts on <paramref name="settings"/>; <paramref name="createTokenHttpClient"/> makes the token requests' <see cref="HttpClient"/>, which the token client guards itself.</summary>
    /// <exception cref="ArgumentException">Another live client with the same credentials paces with other rate-limit settings.</exception>
    public static ClientParts Create(PipelineContext settings, ApiDescription description, Func<HttpClient> createTokenHttpClient)
    {
        ApiClientOptions options = settings.Options;
        Uri baseUrl = BaseUrlResolver.Resolve(options, description);
        (ApiRateLimiter? limiter, IDisposable? limiterOwner) = CreateRateLimiter(settings, baseUrl);
        HttpClient? tokenHttpClient = null;
        var stopping = new CancellationTokenSource();
        try
        {
            PipelineContext context = settings with { Limiter = limiter, Stopping = stopping.Token };
            if (description.UsesBearerToken)
            {
                var credentials = new ClientCredentials(options.ClientId!, options.ClientSecret!, options.Scope);
                var endpoint = TokenEndpoint.Resolve(baseUrl, options.TokenUrl?.ToString() ?? description.TokenUrl!, description.RevocationUrl, description.Scopes);
                var allowedHosts = new AllowedHosts([.. description.ServerUrls.Select(url => new Uri(url)), baseUrl]);
                tokenHttpClient = createTokenHttpClient();
                UserAgentHeader.ApplyTo(tokenHttpClient, options);
                var tokens = new ClientCredentialsTokenProvider(credentials, endpoint, tokenHttpClient, settings.TokenOptions, settings.TimeProvider, settings.Logger("Authentication"), settings.Telemetry, options.Coordination?.TokenCache);
                context = context with { Tokens = tokens, AllowedHosts = allowedHosts };
            }

            IDisposable? budget = limiter is null ? null : settings.Telemetry.ObserveBudget(options.Name, () => limiter.GetStatistics()?.CurrentAvailablePermits);
            return new ClientParts(context, stopping, baseUrl, limiterOwner, tokenHttpClient, budget);
        }
        catch
        {
            stopping.Dispose();
            tokenHttpClient?.Dispose();
            limiterOwner?.Dispose();
            throw;
        }
    }

    /// <summary>The fleet's limiter when the client is coordinated, else a lease on this process's shared one; none without rules.</summary>
    private static (ApiRateLimiter? Limiter, IDisposable? Owner) CreateRateLimiter(PipelineContext settings, Uri baseUrl)
    {
        RateLimitOptions rateLimit = settings.RateLimit;
        if (!rateLimit.Enabled || rateLimit.Rules.Count == 0)
        {
            return (null, null);
        }

        string partitionKey = ClientRateLimiter.PartitionKey(baseUrl, settings.Options.ClientId ?? string.Empty);
        if (settings.Options.Coordination is { } coordination)
        {
            ApiRateLimiter fleet = coordination.CreateRateLimiter(new RateLimiterRequest(partitionKey, rateLimit, settings.TimeProvider, settings.LoggerFactory, settings.ClientName) { Telemetry = settings.Telemetry });
            return (fleet, fleet);
        }

        SharedRateLimiter lease = ClientRateLimiter.Acquire(partitionKey, rateLimit, settings.TimeProvider);
        return (lease.Limiter, lease);
    }

    /// <summary>Revokes the live token (best effort, never throws) and releases the parts.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stopping.Cancel();
        if (Context.Tokens is { } tokens)
        {
            await tokens.DisposeAsync().ConfigureAwait(false);
        }

        Release();
    }

    /// <summary>Releases the parts without revoking the token.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Cancel();
            Release();
        }
    }

    private void Release()
    {
        _budgetObservation?.Dispose();
        _tokenHttpClient?.Dispose();
        _limiterOwner?.Dispose();
        _stopping.Dispose();
    }

    private static RateLimitOptions RateLimitFromDescription(ApiDescription description) => new()
    {
        Rules = [.. description.RateLimits.Select(limit => new RateLimitRule(limit.Limit, limit.Window))],
        Enabled = description.RateLimits.Count > 0,
    };
}
