namespace OnePassword.Users.Runtime;

/// <summary>
/// How <see cref="ClientCredentialsTokenProvider"/> caches, refreshes and requests tokens. The
/// defaults suit the Users API's 900-second tokens: refresh in the background after about 80%
/// of a token's life, and retry a failing token request a few times with backoff.
/// </summary>
/// <remarks>Each setter checks its value and throws an exception naming the property.</remarks>
public sealed class TokenCacheOptions
{
    private double _refreshAtLifetimeFraction = 0.8;
    private double _jitter = 0.05;
    private TimeSpan _minimumRefreshBeforeExpiry = TimeSpan.FromSeconds(30);
    private int _maxTokenRequestAttempts = 4;
    private TimeSpan _retryBaseDelay = TimeSpan.FromMilliseconds(500);
    private TimeSpan _retryMaxDelay = TimeSpan.FromSeconds(30);
    private TimeSpan _defaultTokenLifetime = TimeSpan.FromSeconds(900);
    private TimeSpan _revocationTimeout = TimeSpan.FromSeconds(5);
    private TimeSpan _requestTimeout = TimeSpan.FromSeconds(15);
    private int _maxResponseBodySize = 64 * 1024;

    /// <summary>
    /// The part of a token's lifetime after which a background refresh starts, greater than 0 and
    /// at most 1. Default 0.8: a 900-second token is refreshed after about 720 seconds.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1].</exception>
    public double RefreshAtLifetimeFraction
    {
        get => _refreshAtLifetimeFraction;
        set => _refreshAtLifetimeFraction = value > 0 && value <= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(RefreshAtLifetimeFraction), value, "Must be greater than 0 and at most 1.");
    }

    /// <summary>
    /// The random spread added to <see cref="RefreshAtLifetimeFraction"/>, from 0 to 0.5. Default
    /// 0.05: refresh between 75% and 85% of the lifetime, so many processes sharing one OAuth
    /// application do not all ask for a token at the same moment.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in [0, 0.5].</exception>
    public double Jitter
    {
        get => _jitter;
        set => _jitter = value >= 0 && value <= 0.5
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Jitter), value, "Must be from 0 to 0.5.");
    }

    /// <summary>
    /// The background refresh starts at least this long before expiry (default 30 s), but never
    /// before half the lifetime has passed, so very short-lived tokens are not renewed on every call.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan MinimumRefreshBeforeExpiry
    {
        get => _minimumRefreshBeforeExpiry;
        set => _minimumRefreshBeforeExpiry = value >= TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MinimumRefreshBeforeExpiry), value, "Must not be negative.");
    }

    /// <summary>
    /// How many times one token request is tried when it meets HTTP 429, 5xx or a connection
    /// failure, counting the first try (default 4). Other errors, such as <c>invalid_client</c>, are not retried.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxTokenRequestAttempts
    {
        get => _maxTokenRequestAttempts;
        set => _maxTokenRequestAttempts = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxTokenRequestAttempts), value, "Must be at least 1.");
    }

    /// <summary>
    /// The backoff before the second try (default 500 ms); it doubles on each further try, and
    /// the actual wait is drawn between half of it and all of it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan RetryBaseDelay
    {
        get => _retryBaseDelay;
        set => _retryBaseDelay = value > TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(RetryBaseDelay), value, "Must be positive.");
    }

    /// <summary>
    /// The longest wait between tries (default 30 s). When the server's <c>Retry-After</c> asks
    /// for longer, the request is not retried and the error is thrown with its <see cref="ApiErrorException.RetryAfter"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan RetryMaxDelay
    {
        get => _retryMaxDelay;
        set => _retryMaxDelay = value > TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(RetryMaxDelay), value, "Must be positive.");
    }

    /// <summary>
    /// The lifetime assumed when a token response has no <c>expires_in</c> (default 900 s, what
    /// the Users API documents).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan DefaultTokenLifetime
    {
        get => _defaultTokenLifetime;
        set => _defaultTokenLifetime = value > TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(DefaultTokenLifetime), value, "Must be positive.");
    }

    /// <summary>How long <see cref="ClientCredentialsTokenProvider.DisposeAsync"/> waits for the best-effort revocation (default 5 s).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan RevocationTimeout
    {
        get => _revocationTimeout;
        set => _revocationTimeout = value > TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(RevocationTimeout), value, "Must be positive.");
    }

    /// <summary>
    /// How long one token or revocation request may take, body included, before it is abandoned
    /// (and retried, up to <see cref="MaxTokenRequestAttempts"/>). Default 15 s. A stuck token
    /// endpoint therefore fails the callers waiting on it, and the next caller starts a new request.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan RequestTimeout
    {
        get => _requestTimeout;
        set => _requestTimeout = value > TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(RequestTimeout), value, "Must be positive.");
    }

    /// <summary>
    /// The most bytes of a token endpoint's response body, counted after decompression (default
    /// 64 KiB; a token response is under 2 KB). A larger one fails with <see cref="ResponseTooLargeException"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1024.</exception>
    public int MaxResponseBodySize
    {
        get => _maxResponseBodySize;
        set => _maxResponseBodySize = value >= 1024
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxResponseBodySize), value, "Must be at least 1024 bytes.");
    }

    /// <summary>A copy, so changing the options after a provider was made does not change that provider.</summary>
    internal TokenCacheOptions Clone() => (TokenCacheOptions)MemberwiseClone();
}
