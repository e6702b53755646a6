namespace OnePassword.Users.Runtime;

/// <summary>
/// What a spec says about where its API lives and how it authenticates and limits calls. The
/// generator emits one per client (<c>UsersApiClient.Description</c>); the runtime builds the
/// HTTP pipeline from it without knowing the generated code.
/// </summary>
public sealed class ApiDescription
{
    /// <summary>Creates the description.</summary>
    /// <param name="defaultBaseUrl">The first server URL with default variables, or empty.</param>
    /// <param name="serverUrls">Every server URL the spec allows (variables expanded).</param>
    /// <param name="tokenUrl">The OAuth 2.0 client-credentials token URL, absolute or relative to the base URL.</param>
    /// <param name="revocationUrl">The token revocation URL (<c>x-revocation-url</c>), if any.</param>
    /// <param name="scopes">The scopes to request.</param>
    /// <param name="rateLimits">The documented rate limits (<c>x-rate-limits</c>).</param>
    /// <param name="usesBearerToken">Whether operations need a bearer token.</param>
    public ApiDescription(
        string defaultBaseUrl,
        IReadOnlyList<string> serverUrls,
        string? tokenUrl,
        string? revocationUrl,
        IReadOnlyList<string> scopes,
        IReadOnlyList<ApiRateLimit> rateLimits,
        bool usesBearerToken)
    {
        DefaultBaseUrl = defaultBaseUrl ?? string.Empty;
        ServerUrls = serverUrls ?? [];
        TokenUrl = tokenUrl;
        RevocationUrl = revocationUrl;
        Scopes = scopes ?? [];
        RateLimits = rateLimits ?? [];
        UsesBearerToken = usesBearerToken;
    }

    /// <summary>The first server URL with default variables (for example <c>https://api.1password.com</c>).</summary>
    public string DefaultBaseUrl { get; }

    /// <summary>Every server URL the spec allows; the bearer token is sent only to these and to configured base URLs.</summary>
    public IReadOnlyList<string> ServerUrls { get; }

    /// <summary>The OAuth 2.0 token URL, absolute or relative to the base URL.</summary>
    public string? TokenUrl { get; }

    /// <summary>The token revocation URL, absolute or relative to the base URL.</summary>
    public string? RevocationUrl { get; }

    /// <summary>The scopes to request.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>The documented rate limits.</summary>
    public IReadOnlyList<ApiRateLimit> RateLimits { get; }

    /// <summary>Whether operations need a bearer token.</summary>
    public bool UsesBearerToken { get; }
}

/// <summary>A documented rate limit: at most <paramref name="Limit"/> requests in any <paramref name="Window"/>.</summary>
/// <param name="Limit">The number of requests.</param>
/// <param name="Window">The rolling window.</param>
public sealed record ApiRateLimit(int Limit, TimeSpan Window);
