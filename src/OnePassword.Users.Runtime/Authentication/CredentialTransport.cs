namespace OnePassword.Users.Runtime;

/// <summary>
/// The one rule for where a secret (client credentials or a bearer token) may travel: over
/// HTTPS, or over plain HTTP to this machine only, and never in a URI with user info (a URI
/// such as <c>https://api.1password.com@evil.test/</c> reads like one host and goes to another).
/// </summary>
internal static class CredentialTransport
{
    public static bool IsSecureOrLoopback(Uri uri) =>
        uri.IsAbsoluteUri
        && string.IsNullOrEmpty(uri.UserInfo)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)));

    /// <summary>127.0.0.0/8, ::1 and <c>localhost</c>; nothing that merely resolves there by DNS.</summary>
    public static bool IsLoopback(Uri uri) => uri.IsAbsoluteUri && uri.IsLoopback;

    /// <summary>Throws before client credentials are sent anywhere the rule forbids.</summary>
    /// <exception cref="InvalidOperationException">The URI is not HTTPS and not plain HTTP to loopback, or has user info.</exception>
    public static void EnsureCredentialsMayBeSentTo(Uri uri, string purpose)
    {
        if (!IsSecureOrLoopback(uri))
        {
            throw new InvalidOperationException(
                $"Refusing to send client credentials to the {purpose} '{UriText.WithoutUserInfo(uri)}': " +
                "they are sent only over HTTPS, or over plain HTTP to a loopback address, and never to a URI with user info.");
        }
    }
}
