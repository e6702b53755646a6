namespace OnePassword.Users.Runtime;

/// <summary>The transport under every pipeline: pooled connections, decompression, and no redirects.</summary>
public static class HttpTransport
{
    /// <summary>
    /// A <see cref="SocketsHttpHandler"/> that never follows redirects (the pipeline refuses them
    /// with <see cref="RedirectRefusedException"/>), decompresses gzip, deflate and brotli (the
    /// decompressed bytes count against the size limit), and renews pooled connections every
    /// five minutes so DNS changes are picked up.
    /// </summary>
    /// <returns>A new handler; the caller owns it.</returns>
    public static SocketsHttpHandler Create() => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = System.Net.DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(15),
        MaxResponseHeadersLength = 64,
        UseCookies = false,
    };

    /// <summary>
    /// The primary handler of one pipeline that <c>IHttpClientFactory</c> builds: the caller's
    /// <see cref="ApiClientOptions.Transport"/>, checked and left to its owner, or a new handler
    /// of <see cref="Create"/>, as <c>UsersApiClient.Create</c> uses.
    /// </summary>
    internal static HttpMessageHandler ForFactory(ApiClientOptions options)
    {
        if (options.Transport is null)
        {
            return Create();
        }

        EnsureNoRedirects(options.Transport, nameof(options));
        return new NonDisposingHandler(options.Transport);
    }

    /// <summary>Refuses a caller's transport that would follow redirects itself.</summary>
    /// <param name="transport">The handler given as <see cref="ApiClientOptions.Transport"/>.</param>
    /// <param name="parameterName">The name to put in the exception.</param>
    /// <exception cref="ArgumentException">The handler follows redirects.</exception>
    internal static void EnsureNoRedirects(HttpMessageHandler transport, string parameterName)
    {
        // A wrapper's primary handler decides, so look through delegating handlers to it.
        HttpMessageHandler? primary = transport;
        while (primary is DelegatingHandler delegating)
        {
            primary = delegating.InnerHandler;
        }

        bool follows = primary switch
        {
            SocketsHttpHandler sockets => sockets.AllowAutoRedirect,
            HttpClientHandler client => client.AllowAutoRedirect,
            _ => false,
        };
        if (follows)
        {
            throw new ArgumentException(
                "ApiClientOptions.Transport follows redirects (AllowAutoRedirect is true); set it to false: a followed redirect could carry the access token or the answer to another origin.",
                parameterName);
        }
    }
}
