using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;

namespace OnePassword.Users.Runtime;

/// <summary>
/// The wire side of the client-credentials grant: one token or revocation request, authenticated
/// with <c>client_secret_basic</c>, retried on 429, 5xx and connection failures with exponential
/// backoff (or the server's <c>Retry-After</c>). It keeps no state between calls.
/// </summary>
/// <remarks>
/// The retry loop and the limits are local on purpose: the token request goes through the
/// caller's token <see cref="HttpClient"/>, not the API pipeline, and must behave the same
/// whatever that client holds. Each attempt goes through a <see cref="TransportGuardHandler"/>
/// around that client, so <see cref="TokenCacheOptions.RequestTimeout"/> and
/// <see cref="TokenCacheOptions.MaxResponseBodySize"/> hold, and a redirect the client followed
/// is refused, also on a client the SDK did not make.
/// </remarks>
internal sealed class TokenClient
{
    private static readonly MediaTypeWithQualityHeaderValue s_json = new("application/json");

    private readonly ClientCredentials _credentials;
    private readonly TokenEndpoint _endpoint;
    private readonly HttpMessageInvoker _guarded;
    private readonly TokenCacheOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public TokenClient(ClientCredentials credentials, TokenEndpoint endpoint, HttpClient httpClient, TokenCacheOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _credentials = credentials;
        _endpoint = endpoint;
        _guarded = new HttpMessageInvoker(
            new TransportGuardHandler(options.MaxResponseBodySize, options.RequestTimeout, timeProvider, "TokenCacheOptions.RequestTimeout") { InnerHandler = new HttpClientAsHandler(httpClient) },
            disposeHandler: false);
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>The <c>scope</c> form value: the credentials' scope, else the endpoint's scopes, else none.</summary>
    public string? Scope => _credentials.Scope ?? (_endpoint.Scopes.Count > 0 ? string.Join(' ', _endpoint.Scopes) : null);

    /// <summary>Requests a new access token; the result also says when the successful request was sent.</summary>
    /// <exception cref="InvalidOperationException">The token URI may not receive credentials.</exception>
    /// <exception cref="OAuthTokenException">The endpoint refused, or answered without a usable token.</exception>
    /// <exception cref="ApiTransportException">The endpoint could not be reached, or did not answer in time, on any attempt.</exception>
    public Task<IssuedToken> RequestTokenAsync(CancellationToken cancellationToken = default)
    {
        Uri uri = _endpoint.TokenUri;
        CredentialTransport.EnsureCredentialsMayBeSentTo(uri, "token endpoint");
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        if (Scope is { } scope)
        {
            form.Add(new("scope", scope));
        }

        TokenLog.TokenRequested(_logger, UriText.WithoutUserInfo(uri));
        return SendAsync(uri, form, extraSecret: null, _options.MaxTokenRequestAttempts, ReadTokenAsync, cancellationToken);
    }

    /// <summary>Revokes a token (RFC 7009).</summary>
    /// <exception cref="InvalidOperationException">There is no revocation URI, or it may not receive credentials.</exception>
    /// <exception cref="OAuthTokenException">The endpoint refused, for example with <c>invalid_client</c>.</exception>
    public Task RevokeAsync(AccessToken token, int maxAttempts, CancellationToken cancellationToken = default)
    {
        Uri uri = _endpoint.RevocationUri
            ?? throw new InvalidOperationException($"The token endpoint {UriText.WithoutUserInfo(_endpoint.TokenUri)} has no revocation URI, so the token cannot be revoked.");
        CredentialTransport.EnsureCredentialsMayBeSentTo(uri, "revocation endpoint");
        KeyValuePair<string, string>[] form = [new("token", token.Value), new("token_type_hint", "access_token")];

        // RFC 7009 section 2.2: any 2xx is success, also for a token that was already invalid; the body does not matter.
        return SendAsync(uri, form, token.Value, maxAttempts, static (_, _, _, _) => Task.FromResult(true), cancellationToken);
    }

    private async Task<T> SendAsync<T>(
        Uri uri,
        IReadOnlyList<KeyValuePair<string, string>> form,
        string? extraSecret,
        int maxAttempts,
        Func<HttpResponseMessage, DateTimeOffset, IReadOnlyList<string>, CancellationToken, Task<T>> onSuccess,
        CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            TimeSpan wait;
            using (HttpRequestMessage request = CreateRequest(uri, form, extraSecret, out IReadOnlyList<string> secrets))
            {
                DateTimeOffset sentAt = _timeProvider.GetUtcNow();
                HttpResponseMessage response;
                try
                {
                    response = await _guarded.SendAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (AsTransportFailure(exception, request, cancellationToken) is { } transport)
                {
                    if (attempt >= maxAttempts || !TransportFailures.IsTransient(transport))
                    {
                        transport.Attempts = attempt;
                        throw transport;
                    }

                    wait = Backoff(attempt);
                    TokenLog.TokenRequestRetried(_logger, attempt, UriText.WithoutUserInfo(uri), transport.Failure.ToString(), (long)wait.TotalMilliseconds);
                    await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                using (response)
                {
                    if (response.IsSuccessStatusCode)
                    {
                        return await onSuccess(response, sentAt, secrets, cancellationToken).ConfigureAwait(false);
                    }

                    string? body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
                    OAuthTokenException error = OAuthTokenException.FromErrorResponse(response, body, secrets, _timeProvider.GetUtcNow());
                    if (attempt >= maxAttempts || !IsTransientStatus(response.StatusCode))
                    {
                        throw error;
                    }

                    wait = error.RetryAfter ?? Backoff(attempt);
                    if (wait > _options.RetryMaxDelay)
                    {
                        TokenLog.TokenRequestGivenUp(_logger, UriText.WithoutUserInfo(uri), error.StatusCode, (long)wait.TotalMilliseconds);
                        throw error;
                    }

                    TokenLog.TokenRequestRetried(_logger, attempt, UriText.WithoutUserInfo(uri), "HTTP " + error.StatusCode.ToString(CultureInfo.InvariantCulture), (long)wait.TotalMilliseconds);
                }
            }

            await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<IssuedToken> ReadTokenAsync(HttpResponseMessage response, DateTimeOffset sentAt, IReadOnlyList<string> secrets, CancellationToken cancellationToken)
    {
        string? body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(body))
        {
            throw OAuthTokenException.FromUnreadableToken(response, body, "the body is empty", secrets, inner: null, _timeProvider.GetUtcNow());
        }

        TokenResponseReader.Result result = TokenResponseReader.Read(body, sentAt, _options.DefaultTokenLifetime);
        if (result.Token is not { } token)
        {
            throw OAuthTokenException.FromUnreadableToken(response, body, result.Reason ?? "it could not be read", secrets, result.Error, _timeProvider.GetUtcNow());
        }

        return new IssuedToken(token, sentAt);
    }

    private HttpRequestMessage CreateRequest(Uri uri, IReadOnlyList<KeyValuePair<string, string>> form, string? extraSecret, out IReadOnlyList<string> secrets)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Authorization = ClientSecretBasic.Header(_credentials, out IReadOnlyList<string> credentialSecrets);
        request.Headers.Accept.Add(s_json);
        secrets = extraSecret is null ? credentialSecrets : [extraSecret, .. credentialSecrets];
        return request;
    }

    private static async Task<string?> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await ResponseText.ReadAsync(response.Content, ApiErrorException.MaxRawBodyLength, cancellationToken).ConfigureAwait(false);
        }
        catch (DecoderFallbackException)
        {
            // The status still says what happened; a body that does not decode is reported as missing.
            return null;
        }
    }

    /// <summary>408, 429 and 5xx other than 501/505 may succeed later; anything else will not.</summary>
    private static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        || ((int)status >= 500 && status is not HttpStatusCode.NotImplemented and not HttpStatusCode.HttpVersionNotSupported);

    /// <summary>
    /// The transport failure as the SDK's exception, whatever the token client's handlers threw;
    /// null for the caller's own cancellation and for anything that is not a transport failure.
    /// </summary>
    /// <remarks>Asking for a token, or revoking one, twice does no harm, so failures after the request left are retried too.</remarks>
    private static ApiTransportException? AsTransportFailure(Exception exception, HttpRequestMessage request, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? null : exception as ApiTransportException ?? TransportFailures.From(exception, request, cancellationToken);

    /// <summary>Exponential backoff with "equal jitter": between half and all of base × 2^(attempt−1), capped.</summary>
    private TimeSpan Backoff(int attempt)
    {
        double ceiling = Math.Min(
            _options.RetryMaxDelay.TotalMilliseconds,
            _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30)));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
    }

}
