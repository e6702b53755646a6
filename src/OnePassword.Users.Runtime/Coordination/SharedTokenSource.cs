using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace OnePassword.Users.Runtime;

/// <summary>
/// Gets a token for <see cref="ClientCredentialsTokenProvider"/> through a fleet's
/// <see cref="IAccessTokenCache"/>: a fresh enough cached token is reused; otherwise the one
/// process that takes the cache's short lock asks the token endpoint and stores the answer, while
/// the others wait for it. A store that fails or stays locked too long never blocks a call: the
/// process then asks the token endpoint itself.
/// </summary>
internal sealed class SharedTokenSource
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(100);

    private readonly TokenClient _client;
    private readonly IAccessTokenCache _cache;
    private readonly string _key;
    private readonly TokenCacheOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public SharedTokenSource(TokenClient client, IAccessTokenCache cache, string key, TokenCacheOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _client = client;
        _cache = cache;
        _key = key;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>
    /// The cache key of a client's tokens: a hash of the token URL, the client id, a hash of the
    /// secret and the scope, so a rotated secret or another scope never meets an old token, and the
    /// key shows none of them.
    /// </summary>
    public static string KeyOf(TokenEndpoint endpoint, ClientCredentials credentials, string? scope)
    {
        byte[] secretHash = SHA256.HashData(Encoding.UTF8.GetBytes(credentials.RevealSecret()));
        string material = string.Join('\n', endpoint.TokenUri.AbsoluteUri, credentials.ClientId, Convert.ToHexString(secretHash), scope ?? string.Empty);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
    }

    /// <summary>A token to replace <paramref name="replacing"/> (null when there is none): the fleet's, or a new one.</summary>
    public async Task<IssuedToken> GetAsync(AccessToken? replacing, CancellationToken cancellationToken)
    {
        // Long enough for the lock holder's whole token request, retries included.
        TimeSpan lockDuration = (_options.RequestTimeout * _options.MaxTokenRequestAttempts) + _options.RetryMaxDelay;
        DateTimeOffset giveUpAt = _timeProvider.GetUtcNow() + lockDuration;
        while (true)
        {
            CachedAccessToken? cached = await ReadAsync(cancellationToken).ConfigureAwait(false);
            if (Usable(cached, replacing) is { } shared)
            {
                CoordinationLog.TokenReused(_logger, shared.Token.ExpiresAt);
                return shared;
            }

            (bool storeWorks, IAsyncDisposable? held) = await TryLockAsync(lockDuration, cancellationToken).ConfigureAwait(false);
            if (held is not null || !storeWorks)
            {
                await using (held)
                {
                    // Another process may have stored a token between the read and the lock.
                    if (held is not null && Usable(await ReadAsync(cancellationToken).ConfigureAwait(false), replacing) is { } stored)
                    {
                        return stored;
                    }

                    IssuedToken issued = await _client.RequestTokenAsync(cancellationToken).ConfigureAwait(false);
                    await WriteAsync(issued, cancellationToken).ConfigureAwait(false);
                    return issued;
                }
            }

            if (_timeProvider.GetUtcNow() >= giveUpAt)
            {
                CoordinationLog.TokenLockTimedOut(_logger, (long)lockDuration.TotalMilliseconds);
                return await _client.RequestTokenAsync(cancellationToken).ConfigureAwait(false);
            }

            await Task.Delay(s_pollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Drops <paramref name="rejected"/> from the fleet's cache; a failure is logged, never thrown.</summary>
    public async Task RemoveAsync(AccessToken rejected)
    {
        try
        {
            await _cache.RemoveAsync(_key, rejected, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The store is an optimisation: its failure must not fail a call.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            CoordinationLog.TokenCacheFailed(_logger, "remove", exception.GetType().Name, exception.Message);
        }
    }

    /// <summary>A cached token that replaces <paramref name="replacing"/>: another one, that lives longer and not about to expire.</summary>
    private IssuedToken? Usable(CachedAccessToken? cached, AccessToken? replacing)
    {
        if (cached is null)
        {
            return null;
        }

        DateTimeOffset now = _timeProvider.GetUtcNow();
        bool fresh = cached.Token.ExpiresAt - now > _options.MinimumRefreshBeforeExpiry;
        bool newer = replacing is null
            || (cached.Token.ExpiresAt > replacing.ExpiresAt && !string.Equals(cached.Token.Value, replacing.Value, StringComparison.Ordinal));
        return fresh && newer ? new IssuedToken(cached.Token, cached.IssuedAt, FromFleet: true) : null;
    }

    private async Task<CachedAccessToken?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _cache.GetAsync(_key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            CoordinationLog.TokenCacheFailed(_logger, "read", exception.GetType().Name, exception.Message);
            return null;
        }
    }

    private async Task<(bool StoreWorks, IAsyncDisposable? Held)> TryLockAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        try
        {
            return (true, await _cache.TryLockAsync(_key, duration, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            CoordinationLog.TokenCacheFailed(_logger, "lock", exception.GetType().Name, exception.Message);
            return (false, null);
        }
    }

    private async Task WriteAsync(IssuedToken issued, CancellationToken cancellationToken)
    {
        try
        {
            await _cache.SetAsync(_key, new CachedAccessToken(issued.Token, issued.IssuedAt), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            CoordinationLog.TokenCacheFailed(_logger, "write", exception.GetType().Name, exception.Message);
        }
    }
}
