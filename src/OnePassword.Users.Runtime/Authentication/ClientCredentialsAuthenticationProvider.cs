using Microsoft.Kiota.Abstractions.Authentication;

namespace OnePassword.Users.Runtime;

/// <summary>
/// A Kiota <see cref="IAuthenticationProvider"/> for callers who build their own Kiota request
/// adapter: adds <c>Authorization: Bearer &lt;token&gt;</c> from a
/// <see cref="ClientCredentialsTokenProvider"/> to requests for the allowed hosts only.
/// </summary>
/// <remarks>
/// Kiota's authentication provider cannot see responses, so it does not renew the token on a
/// 401; add <see cref="BearerTokenHandler"/> to the HTTP pipeline instead when that matters.
/// </remarks>
public sealed class ClientCredentialsAuthenticationProvider : BaseBearerTokenAuthenticationProvider
{
    /// <summary>Creates the provider.</summary>
    /// <param name="provider">The token source; not disposed by this provider.</param>
    /// <param name="allowedHosts">The origins that may receive the token.</param>
    public ClientCredentialsAuthenticationProvider(ClientCredentialsTokenProvider provider, AllowedHosts allowedHosts)
        : base(new ClientCredentialsAccessTokenProvider(provider, allowedHosts))
    {
    }
}
