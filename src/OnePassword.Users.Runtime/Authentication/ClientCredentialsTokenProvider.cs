using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OnePassword.Users.Runtime;

/// <summary>
/// Obtains, caches and refreshes OAuth 2.0 access tokens with the client-credentials grant.
/// Safe to share: one instance per OAuth application and process is the intended use.
/// </summary>
/// <remarks>
/// <para>
/// A token is served from the cache until it expires. Once the refresh point has passed (by
/// default 80% ± 5% of its lifetime) the next call starts a refresh in the background and still
/// gets the current token; only when no unexpired token is left do callers wait.
/// </para>
/// <para>
/// At most one token request is in flight at any time, however many callers ask. When it fails,
/// every caller waiting on it gets the same exception and the next call starts a new request.
/// A caller's cancellation ends only that caller's wait, never the shared request.
/// </para>
/// <para>
/// The token <see cref="HttpClient"/> is used as given and is not disposed; it should not carry
/// the bearer-token handler, or token requests would recurse. Whatever it is, every token and
/// revocation request is bounded by <see cref="TokenCacheOptions.RequestTimeout"/> (body
/// included) and <see cref="TokenCacheOptions.MaxResponseBodySize"/>, and a redirect it followed
/// is refused with a <see cref="RedirectRefusedException"/>. A client that follows redirects may
/// still have sent the request on before that is seen: give it one with
/// <c>AllowAutoRedirect = false</c>, as <see cref="HttpTransport.Create"/> makes.
/// </para>
/// </remarks>
public sealed class ClientCredentialsTokenProvider : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly TokenClient _client;
    private readonly TokenEndpoint _endpoint;
    private readonly TokenCacheOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ApiTelemetry _telemetry;
    private readonly SharedTokenSource? _shared;
    private readonly CancellationTokenSource _disposal = new();

    // Written under _gate; read without it where a slightly stale value is harmless.
    private CachedToken? _current;
    private Task<CachedToken>? _refresh;
    private int _disposed;

    /// <summary>Creates a provider.</summary>
    /// <param name="credentials">The OAuth application's client id and secret.</param>
    /// <param name="endpoint">The token and revocation URIs and the scopes.</param>
    /// <param name="tokenHttpClient">The client that sends token and revocation requests; not disposed by the provider.</param>
    /// <param name="options">Caching, refresh and retry settings; copied, so later changes have no effect. Defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock for expiry, refresh and retry delays; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">Where token events go (acquired, refreshed, failed, revoked); none when <see langword="null"/>. No event holds a token or a secret.</param>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    public ClientCredentialsTokenProvider(
        ClientCredentials credentials,
        TokenEndpoint endpoint,
        HttpClient tokenHttpClient,
        TokenCacheOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger? logger = null)
        : this(credentials, endpoint, tokenHttpClient, options, timeProvider, logger, ApiTelemetry.Shared, sharedCache: null)
    {
    }

    internal ClientCredentialsTokenProvider(
        ClientCredentials credentials,
        TokenEndpoint endpoint,
        HttpClient tokenHttpClient,
        TokenCacheOptions? options,
        TimeProvider? timeProvider,
        ILogger? logger,
        ApiTelemetry telemetry,
        IAccessTokenCache? sharedCache)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(tokenHttpClient);
        _endpoint = endpoint;
        _options = (options ?? new TokenCacheOptions()).Clone();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _telemetry = telemetry;
        _client = new TokenClient(credentials, endpoint, tokenHttpClient, _options, _timeProvider, _logger);
        _shared = sharedCache is null
            ? null
            : new SharedTokenSource(_client, sharedCache, SharedTokenSource.KeyOf(endpoint, credentials, _client.Scope), _options, _timeProvider, _logger);
    }

    /// <summary>Returns a valid access token: the cached one, or a new one when none is left.</summary>
    /// <param name="cancellationToken">Ends this caller's wait; a token request other callers share goes on.</param>
    /// <returns>The token.</returns>
    /// <exception cref="OAuthTokenException">The token endpoint refused the credentials or did not return a usable token.</exception>
    /// <exception cref="InvalidOperationException">The token URI is plain HTTP to a host that is not loopback, or has user info; nothing was sent.</exception>
    /// <exception cref="ApiTransportException">The token endpoint could not be reached, or did not answer within <see cref="TokenCacheOptions.RequestTimeout"/>, on every attempt.</exception>
    /// <exception cref="ObjectDisposedException">The provider was disposed.</exception>
    public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        DateTimeOffset now = _timeProvider.GetUtcNow();
        CachedToken? current = Volatile.Read(ref _current);
        if (current is not null && now < current.Token.ExpiresAt)
        {
            if (now >= current.RefreshAt)
            {
                // Nobody waits for this refresh; its failure is reported by ObserveFailure.
                _ = Refresh();
            }

            return new ValueTask<AccessToken>(current.Token);
        }

        return WaitForNewTokenAsync(cancellationToken);
    }

    /// <summary>
    /// Drops <paramref name="rejected"/> if it is still the cached token, so the next
    /// <see cref="GetTokenAsync"/> requests a new one. Call it when the API answers 401 to a
    /// request that carried this token. Many calls for the same token cause one refresh: once it
    /// was replaced, the calls change nothing.
    /// </summary>
    /// <param name="rejected">The token the API rejected.</param>
    public void Invalidate(AccessToken rejected)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        bool dropped = false;
        lock (_gate)
        {
            if (_current is { } current && string.Equals(current.Token.Value, rejected.Value, StringComparison.Ordinal))
            {
                _current = null;
                dropped = true;
            }
        }

        if (dropped)
        {
            TokenLog.TokenRejected(_logger);
            if (_shared is not null)
            {
                // Fleet-wide: the next process to look finds no token, not the rejected one.
                _ = _shared.RemoveAsync(rejected);
            }
        }
    }

    /// <summary>
    /// Revokes the cached token at the revocation URI (RFC 7009: form field <c>token</c>, HTTP
    /// Basic client authentication) and forgets it. Does nothing when no token is cached.
    /// </summary>
    /// <param name="cancellationToken">Cancels the revocation.</param>
    /// <returns>A task that completes when the server confirmed the revocation.</returns>
    /// <exception cref="OAuthTokenException">The endpoint refused, for example with HTTP 401 <c>invalid_client</c>; the token stays cached.</exception>
    /// <exception cref="InvalidOperationException">The endpoint has no revocation URI, or it may not receive credentials.</exception>
    /// <exception cref="ObjectDisposedException">The provider was disposed.</exception>
    public async Task RevokeAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_endpoint.RevocationUri is null)
        {
            throw new InvalidOperationException($"The token endpoint {UriText.WithoutUserInfo(_endpoint.TokenUri)} has no revocation URI, so the token cannot be revoked.");
        }

        CachedToken? live = Volatile.Read(ref _current);
        if (live is null)
        {
            return;
        }

        await _client.RevokeAsync(live.Token, _options.MaxTokenRequestAttempts, cancellationToken).ConfigureAwait(false);
        Forget(live);
        TokenLog.TokenRevoked(_logger, UriText.WithoutUserInfo(_endpoint.RevocationUri));
    }

    /// <summary>
    /// Stops any token request in flight and revokes the cached token, best effort, within
    /// <see cref="TokenCacheOptions.RevocationTimeout"/>. Never throws; a failed revocation is
    /// logged (event 1007, TokenRevocationFailed), and the token then simply expires. A token
    /// shared through a fleet's <see cref="IAccessTokenCache"/> is not revoked: the other processes still use it.
    /// </summary>
    /// <returns>A task that completes when the revocation finished, failed or timed out.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // First stop a refresh, so no new token appears after the live one was revoked.
        await _disposal.CancelAsync().ConfigureAwait(false);

        CachedToken? live;
        lock (_gate)
        {
            live = _current;
            _current = null;
        }

        // A token the fleet shares is left to expire: revoking it would cut off the other processes.
        if (live is not null && _shared is null && _endpoint.RevocationUri is not null && _timeProvider.GetUtcNow() < live.Token.ExpiresAt)
        {
            await RevokeBestEffortAsync(live.Token).ConfigureAwait(false);
        }

        _disposal.Dispose();
    }

    private async Task RevokeBestEffortAsync(AccessToken token)
    {
        using var timeout = new CancellationTokenSource(_options.RevocationTimeout, _timeProvider);
        try
        {
            await _client.RevokeAsync(token, maxAttempts: 1, timeout.Token).ConfigureAwait(false);
            TokenLog.TokenRevoked(_logger, UriText.WithoutUserInfo(_endpoint.RevocationUri!));
        }
#pragma warning disable CA1031 // Disposal must not throw; the token expires on its own anyway.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            TokenLog.TokenRevocationFailed(_logger, UriText.WithoutUserInfo(_endpoint.RevocationUri!), exception.GetType().Name, exception.Message);
        }
    }

    private async ValueTask<AccessToken> WaitForNewTokenAsync(CancellationToken cancellationToken)
    {
        CachedToken fresh = await Refresh().WaitAsync(cancellationToken).ConfigureAwait(false);
        return fresh.Token;
    }

    /// <summary>Joins the refresh in flight, or starts one; returns at once with a token that is fresh enough.</summary>
    private Task<CachedToken> Refresh()
    {
        TaskCompletionSource<CachedToken> completion;
        lock (_gate)
        {
            if (_refresh is { } inFlight)
            {
                return inFlight;
            }

            // Another caller may have installed a new token since this one looked.
            if (_current is { } current && _timeProvider.GetUtcNow() < current.RefreshAt)
            {
                return Task.FromResult(current);
            }

            // Continuations run asynchronously: a waiter must not run on the thread that
            // completes the request while it still holds the lock or serves other waiters.
            completion = new TaskCompletionSource<CachedToken>(TaskCreationOptions.RunContinuationsAsynchronously);
            _refresh = completion.Task;
        }

        _ = ObserveFailure(completion.Task);
        _ = RunRefreshAsync(completion);
        return completion.Task;
    }

    private async Task RunRefreshAsync(TaskCompletionSource<CachedToken> completion)
    {
        try
        {
            IssuedToken issued = _shared is null
                ? await _client.RequestTokenAsync(_disposal.Token).ConfigureAwait(false)
                : await _shared.GetAsync(Volatile.Read(ref _current)?.Token, _disposal.Token).ConfigureAwait(false);
            CachedToken fresh = CachedToken.Schedule(issued, _options, Random.Shared.NextDouble());
            bool replaced;
            lock (_gate)
            {
                replaced = _current is not null;
                if (Volatile.Read(ref _disposed) == 0)
                {
                    _current = fresh;
                }

                _refresh = null;
            }

            string tokenUri = UriText.WithoutUserInfo(_endpoint.TokenUri);
            if (!issued.FromFleet)
            {
                if (replaced)
                {
                    TokenLog.TokenRefreshed(_logger, tokenUri, fresh.Token.ExpiresAt);
                }
                else
                {
                    TokenLog.TokenAcquired(_logger, tokenUri, fresh.Token.ExpiresAt);
                }

                _telemetry.TokenRefreshes.Add(1, new KeyValuePair<string, object?>(TelemetryNames.Outcome, "success"));
            }

            TokenLog.TokenRefreshScheduled(_logger, fresh.RefreshAt);
            completion.SetResult(fresh);
        }
#pragma warning disable CA1031 // Every failure, whatever its type, goes to the waiters of this attempt.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            lock (_gate)
            {
                _refresh = null;
                PostponeRefresh();
            }

            completion.SetException(exception);
        }
    }

    /// <summary>
    /// After a failed background refresh the current token is still served; wait a little before
    /// the next attempt, so an endpoint that keeps refusing is not asked on every API call.
    /// </summary>
    private void PostponeRefresh()
    {
        DateTimeOffset now = _timeProvider.GetUtcNow();
        if (_current is { } current && now < current.Token.ExpiresAt)
        {
            DateTimeOffset next = now + _options.RetryMaxDelay;
            _current = current with { RefreshAt = next < current.Token.ExpiresAt ? next : current.Token.ExpiresAt };
        }
    }

    private async Task ObserveFailure(Task<CachedToken> refresh)
    {
        try
        {
            await refresh.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Only reported here; the callers waiting on the refresh get the exception itself.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            TokenLog.TokenRequestFailed(_logger, UriText.WithoutUserInfo(_endpoint.TokenUri), exception.GetType().Name, exception.Message);
            _telemetry.TokenRefreshes.Add(1, new KeyValuePair<string, object?>(TelemetryNames.Outcome, "failure"), new KeyValuePair<string, object?>(TelemetryNames.ErrorType, exception.GetType().Name));
        }
    }

    private void Forget(CachedToken token)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_current, token))
            {
                _current = null;
            }
        }
    }
}
