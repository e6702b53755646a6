using System.Net;

namespace OnePassword.Users.Runtime;

/// <summary>
/// Adds <c>Authorization: Bearer &lt;token&gt;</c> to requests for the allowed hosts, and on a 401
/// renews the token once and sends the request again.
/// </summary>
/// <remarks>
/// <para>
/// A request whose URI is not allowed by <see cref="AllowedHosts"/> (another host, a look-alike
/// host, plain HTTP to a remote host) is sent without any <c>Authorization</c> header, so the
/// token cannot leak through a redirect target, a mistyped base URL or a hostile link.
/// </para>
/// <para>
/// The destination is checked on every send, the 401 replay included.
/// </para>
/// <para>
/// The request body is buffered before the first send so it can be sent again. A second 401 is
/// returned as it is, for the response handler to turn into an authentication error; renewing
/// again would only hide a revoked OAuth application.
/// </para>
/// </remarks>
public sealed class BearerTokenHandler : DelegatingHandler
{
    private const string Authorization = "Authorization";

    private readonly ClientCredentialsTokenProvider _provider;
    private readonly AllowedHosts _allowedHosts;

    /// <summary>Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/> or add it to a pipeline.</summary>
    /// <param name="provider">The token source; not disposed by the handler.</param>
    /// <param name="allowedHosts">The origins that may receive the token.</param>
    public BearerTokenHandler(ClientCredentialsTokenProvider provider, AllowedHosts allowedHosts)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(allowedHosts);
        _provider = provider;
        _allowedHosts = allowedHosts;
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return InnerSend.Result(request, HandleAsync(request, cancellationToken));
    }

    private async ValueTask<HttpResponseMessage> HandleAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_allowedHosts.IsAllowed(request.RequestUri))
        {
            request.Headers.Remove(Authorization);
            return await InnerSend.Track(request, base.SendAsync(request, cancellationToken)).ConfigureAwait(false);
        }

        if (request.Content is not null)
        {
            CallDeadline.ArmFor(request);
#if NET9_0_OR_GREATER
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
#else
            await request.Content.LoadIntoBufferAsync().ConfigureAwait(false);
#endif
        }

        Uri? target = request.RequestUri;
        ValueTask<AccessToken> pendingToken = TakePrefetchedToken(request) is { } prefetched
            ? new ValueTask<AccessToken>(prefetched)
            : _provider.GetTokenAsync(cancellationToken);
        if (!pendingToken.IsCompleted)
        {
            CallDeadline.ArmFor(request);
        }

        AccessToken token = await pendingToken.ConfigureAwait(false);
        SetAuthorization(request, token);
        HttpResponseMessage response = await InnerSend.Track(request, base.SendAsync(request, cancellationToken)).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        // The destination is checked again before the token goes out a second time: a handler
        // below may have pointed the request elsewhere (a transport that follows redirects), and
        // a fresh token must never follow it there.
        if (request.RequestUri != target || !_allowedHosts.IsAllowed(request.RequestUri))
        {
            request.Headers.Remove(Authorization);
            return response;
        }

        // The token was revoked or expired early. Drop it (only if nobody replaced it already,
        // so a burst of 401s for one token costs one token request) and try once more.
        // A second attempt, and a token request first: the call may now outlast one attempt's limit.
        response.Dispose();
        CallDeadline.ArmFor(request);
        _provider.Invalidate(token);
        AccessToken renewed = await _provider.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        SetAuthorization(request, renewed);
        return await InnerSend.Track(request, base.SendAsync(request, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The token the rate-limiting handler above fetched for this attempt, taken so a replay or a retry asks again.</summary>
    private static AccessToken? TakePrefetchedToken(HttpRequestMessage request)
    {
        if (CallState.Of(request) is not { PrefetchedToken: { } token } state)
        {
            return null;
        }

        state.PrefetchedToken = null;
        return token;
    }

    private static void SetAuthorization(HttpRequestMessage request, AccessToken token)
    {
        request.Headers.Remove(Authorization);
        request.Headers.TryAddWithoutValidation(Authorization, token.AuthorizationHeaderValue);
    }
}
