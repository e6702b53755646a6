using Microsoft.Kiota.Abstractions.Authentication;

namespace OnePassword.Users.Runtime;

/// <summary>
/// Kiota's <see cref="IAccessTokenProvider"/> over a <see cref="ClientCredentialsTokenProvider"/>:
/// returns the cached access token for URIs that <see cref="AllowedHosts"/> allows, and an empty
/// string (Kiota then adds no header) for any other URI.
/// </summary>
public sealed class ClientCredentialsAccessTokenProvider : IAccessTokenProvider
{
    private readonly ClientCredentialsTokenProvider _provider;
    private readonly AllowedHosts _allowedHosts;

    /// <summary>Creates the adapter.</summary>
    /// <param name="provider">The token source; not disposed by the adapter.</param>
    /// <param name="allowedHosts">The origins that may receive the token.</param>
    public ClientCredentialsAccessTokenProvider(ClientCredentialsTokenProvider provider, AllowedHosts allowedHosts)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(allowedHosts);
        _provider = provider;
        _allowedHosts = allowedHosts;

        // Kiota's validator compares host names only; the decision here also checks scheme and
        // port, so the validator is informational.
        AllowedHostsValidator = new AllowedHostsValidator(allowedHosts.Hosts);
    }

    /// <inheritdoc />
    public AllowedHostsValidator AllowedHostsValidator { get; }

    /// <inheritdoc />
    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        if (!_allowedHosts.IsAllowed(uri))
        {
            return string.Empty;
        }

        AccessToken token = await _provider.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        return token.Value;
    }
}
