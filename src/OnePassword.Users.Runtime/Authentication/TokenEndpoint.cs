namespace OnePassword.Users.Runtime;

/// <summary>
/// Where the OAuth 2.0 client-credentials grant is served: the token URI, the revocation URI
/// and the scopes, as the spec's security scheme declares them.
/// </summary>
public sealed class TokenEndpoint
{
    /// <summary>Creates the endpoint from absolute URIs.</summary>
    /// <param name="tokenUri">The token URI (RFC 6749 section 3.2), absolute http or https.</param>
    /// <param name="revocationUri">The revocation URI (RFC 7009), absolute http or https, or <see langword="null"/> when tokens cannot be revoked.</param>
    /// <param name="scopes">The scopes to request when <see cref="ClientCredentials.Scope"/> is not set; none means no <c>scope</c> field.</param>
    /// <exception cref="ArgumentException">A URI is relative or not http(s), or a scope is empty or holds a space.</exception>
    /// <remarks>
    /// Whether credentials may be sent to these URIs (HTTPS, or plain HTTP to loopback only) is
    /// checked before each request, so a misconfigured endpoint fails with an
    /// <see cref="InvalidOperationException"/> that names it, and never sends the secret.
    /// </remarks>
    public TokenEndpoint(Uri tokenUri, Uri? revocationUri = null, IEnumerable<string>? scopes = null)
    {
        TokenUri = RequireHttpUri(tokenUri, nameof(tokenUri));
        RevocationUri = revocationUri is null ? null : RequireHttpUri(revocationUri, nameof(revocationUri));
        string[] scopeList = [.. scopes ?? []];
        foreach (string scope in scopeList)
        {
            if (string.IsNullOrWhiteSpace(scope) || scope.Contains(' ', StringComparison.Ordinal))
            {
                throw new ArgumentException($"Each scope must be a non-empty token without spaces; got '{scope}'.", nameof(scopes));
            }
        }

        Scopes = scopeList;
    }

    /// <summary>The token URI.</summary>
    public Uri TokenUri { get; }

    /// <summary>The revocation URI, or <see langword="null"/> when the API has none.</summary>
    public Uri? RevocationUri { get; }

    /// <summary>The scopes to request when the credentials name none.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>
    /// Creates the endpoint from URLs as a spec writes them: absolute, or relative to the API's
    /// base URL (the Users API spec says <c>/v1beta1/users/oauth2/token</c>).
    /// </summary>
    /// <param name="baseUrl">The API's base URL, for example <c>https://api.1password.com</c>.</param>
    /// <param name="tokenUrl">The token URL from the security scheme.</param>
    /// <param name="revocationUrl">The revocation URL (<c>x-revocation-url</c>), or <see langword="null"/>.</param>
    /// <param name="scopes">The scheme's scopes.</param>
    /// <returns>The endpoint with absolute URIs.</returns>
    /// <exception cref="ArgumentException">The base URL is not absolute, or a URL cannot be resolved against it.</exception>
    public static TokenEndpoint Resolve(Uri baseUrl, string tokenUrl, string? revocationUrl = null, IEnumerable<string>? scopes = null)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenUrl);
        if (!baseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException($"The base URL must be absolute, not '{baseUrl.OriginalString}'.", nameof(baseUrl));
        }

        return new TokenEndpoint(
            Combine(baseUrl, tokenUrl, nameof(tokenUrl)),
            string.IsNullOrWhiteSpace(revocationUrl) ? null : Combine(baseUrl, revocationUrl, nameof(revocationUrl)),
            scopes);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"TokenEndpoint {{ TokenUri = {UriText.WithoutUserInfo(TokenUri)}, RevocationUri = {(RevocationUri is null ? "null" : UriText.WithoutUserInfo(RevocationUri))}, Scopes = [{string.Join(", ", Scopes)}] }}";

    private static Uri Combine(Uri baseUrl, string url, string paramName)
    {
        // A base URL with a path (https://host/prefix) keeps it: "/v1beta1/..." is meant below
        // the server URL, as OpenAPI resolves relative URLs against the server.
        if (Uri.TryCreate(url, UriKind.Absolute, out Uri? absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute;
        }

        string basePath = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl.AbsoluteUri : baseUrl.AbsoluteUri + "/";
        return Uri.TryCreate(new Uri(basePath), url.TrimStart('/'), out Uri? combined)
            ? combined
            : throw new ArgumentException($"'{url}' is not a valid URL relative to '{UriText.WithoutUserInfo(baseUrl)}'.", paramName);
    }

    private static Uri RequireHttpUri(Uri uri, string paramName)
    {
        ArgumentNullException.ThrowIfNull(uri, paramName);
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"The URI must be an absolute http or https URI, not '{UriText.WithoutUserInfo(uri)}'.", paramName);
        }

        return uri;
    }
}
