namespace OnePassword.Users.Runtime;

/// <summary>
/// A store of access tokens shared by the processes of a fleet, so one token request serves them
/// all: <see cref="ClientCredentialsTokenProvider"/> reads it before asking the token endpoint, and
/// takes its short lock so only one process asks. Keys are hashes that change when the client id,
/// the secret, the scope or the token URL change; they never contain a secret.
/// </summary>
/// <remarks>
/// Implementations keep tokens encrypted and let them expire before the token does. A failing store
/// (throwing anything) makes the provider ask the token endpoint itself, so no call fails because
/// the store did.
/// </remarks>
public interface IAccessTokenCache
{
    /// <summary>The cached token, or null.</summary>
    ValueTask<CachedAccessToken?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores a token until shortly before it expires.</summary>
    ValueTask SetAsync(string key, CachedAccessToken token, CancellationToken cancellationToken);

    /// <summary>Removes the token only if it is still <paramref name="rejected"/>: the API refused it.</summary>
    ValueTask RemoveAsync(string key, AccessToken rejected, CancellationToken cancellationToken);

    /// <summary>Takes the short lock that lets one process request a new token; null when another holds it.</summary>
    /// <param name="key">The token's key.</param>
    /// <param name="duration">How long the lock lasts if it is never released (a crashed holder).</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    ValueTask<IAsyncDisposable?> TryLockAsync(string key, TimeSpan duration, CancellationToken cancellationToken);
}

/// <summary>A token in a shared cache, with when it was requested (the start of its lifetime).</summary>
/// <param name="Token">The token.</param>
/// <param name="IssuedAt">When the request that obtained it was sent.</param>
public sealed record CachedAccessToken(AccessToken Token, DateTimeOffset IssuedAt);
