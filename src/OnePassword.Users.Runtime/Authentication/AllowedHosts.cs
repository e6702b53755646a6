namespace OnePassword.Users.Runtime;

/// <summary>
/// The origins (scheme, host and port) that may receive the bearer token: the spec's servers
/// and the base URLs the caller configured. A request anywhere else is sent without it.
/// </summary>
/// <remarks>
/// A URI matches only when its scheme, host (case-insensitive) and port equal an allowed
/// origin's, so <c>https://api.1password.com.evil.test</c>, <c>http://api.1password.com</c> and
/// <c>https://api.1password.com:8443</c> do not match <c>https://api.1password.com</c>. A URI
/// with user info never matches. Plain HTTP origins are accepted only for loopback hosts
/// (127.0.0.0/8, ::1, <c>localhost</c>), for the emulator and tests.
/// </remarks>
public sealed class AllowedHosts
{
    private readonly Origin[] _origins;

    // Each origin as an absolute URL writes its start, for example "https://api.1password.com/":
    // a URI whose text starts with one of these has that origin, since its authority ends at
    // the first '/'. Every generated request's URI is written that way (base URL + path).
    private readonly string[] _prefixes;

    /// <summary>Allows the origins of the given URLs.</summary>
    /// <param name="urls">Server and base URLs, for example <c>https://api.1password.com</c> or <c>http://127.0.0.1:5099</c>; paths are ignored.</param>
    /// <exception cref="ArgumentException">A URL is relative, not http(s), has user info, or is plain HTTP to a host that is not loopback.</exception>
    public AllowedHosts(IEnumerable<Uri> urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var origins = new List<Origin>();
        foreach (Uri url in urls)
        {
            if (url is null)
            {
                throw new ArgumentException("The list holds a null URL.", nameof(urls));
            }

            if (!CredentialTransport.IsSecureOrLoopback(url))
            {
                throw new ArgumentException(
                    $"'{UriText.WithoutUserInfo(url)}' cannot receive the access token: only absolute HTTPS URLs, or plain HTTP to a loopback address, without user info, are allowed.",
                    nameof(urls));
            }

            var origin = new Origin(url.Scheme, url.IdnHost, url.Port);
            if (!origins.Contains(origin))
            {
                origins.Add(origin);
            }
        }

        _origins = [.. origins];
        _prefixes = [.. _origins.Select(origin => origin.Prefix).OfType<string>()];
    }

    /// <summary>Allows the origins of the given URLs, written as strings.</summary>
    /// <param name="urls">Absolute URLs.</param>
    /// <returns>The allowed hosts.</returns>
    /// <exception cref="ArgumentException">A URL does not parse or breaks a rule of <see cref="AllowedHosts(IEnumerable{Uri})"/>.</exception>
    public static AllowedHosts FromUrls(params string[] urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        return new AllowedHosts(urls.Select(url => Uri.TryCreate(url, UriKind.Absolute, out Uri? uri)
            ? uri
            : throw new ArgumentException($"'{url}' is not an absolute URL.", nameof(urls))));
    }

    /// <summary>The allowed host names, lower case, for Kiota's <c>AllowedHostsValidator</c>.</summary>
    public IReadOnlyList<string> Hosts => [.. _origins.Select(origin => origin.Host).Distinct(StringComparer.Ordinal)];

    /// <summary>Whether a request to <paramref name="uri"/> may carry the access token.</summary>
    /// <param name="uri">The request URI.</param>
    /// <returns><see langword="true"/> when the URI's scheme, host and port match an allowed origin and it has no user info.</returns>
    public bool IsAllowed(Uri? uri)
    {
        if (uri is null)
        {
            return false;
        }

        // The text alone answers for the usual request: reading the URI's scheme, user info,
        // host and port instead makes Uri build and lower-case its host string on every send.
        if (uri.IsAbsoluteUri && StartsWithAllowedOrigin(uri.OriginalString))
        {
            return true;
        }

        if (!CredentialTransport.IsSecureOrLoopback(uri))
        {
            return false;
        }

        // Compared in place rather than as a lower-cased Origin: this runs on every request, and
        // the allowed hosts are lower case already, so an ASCII case-insensitive match is the same test.
        string scheme = uri.Scheme;
        string host = uri.IdnHost;
        int port = uri.Port;
        foreach (Origin origin in _origins)
        {
            if (origin.Port == port
                && string.Equals(origin.Scheme, scheme, StringComparison.Ordinal)
                && string.Equals(origin.Host, host, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private bool StartsWithAllowedOrigin(string text)
    {
        foreach (string prefix in _prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"AllowedHosts [{string.Join(", ", _origins.Select(origin => $"{origin.Scheme}://{origin.Host}:{origin.Port}"))}]";

    private readonly record struct Origin
    {
        public Origin(string scheme, string host, int port)
        {
            Scheme = scheme;

            // Ordinal equality after lower-casing: host names compare case-insensitively, and an
            // IDN host arrives here already in its ASCII (punycode) form.
            Host = host.ToLowerInvariant();
            Port = port;
            Prefix = PrefixOf(Scheme, Host, Port);
        }

        public string Scheme { get; }

        public string Host { get; }

        public int Port { get; }

        /// <summary>How an absolute URL of this origin starts in canonical form, or null when that text would not parse back to this origin.</summary>
        public string? Prefix { get; }

        private static string? PrefixOf(string scheme, string host, int port)
        {
            string authority = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
            bool defaultPort = port == (scheme == Uri.UriSchemeHttps ? 443 : 80);
            string prefix = defaultPort ? $"{scheme}://{authority}/" : $"{scheme}://{authority}:{port}/";

            // Kept only when the text parses back to exactly this origin (an IPv6 scope, an odd
            // host form): a prefix that did not would be a way around the full check.
            return Uri.TryCreate(prefix, UriKind.Absolute, out Uri? parsed)
                && parsed.OriginalString == prefix
                && string.IsNullOrEmpty(parsed.UserInfo)
                && parsed.Scheme == scheme
                && parsed.Port == port
                && string.Equals(parsed.IdnHost, host, StringComparison.Ordinal)
                    ? prefix
                    : null;
        }
    }
}
