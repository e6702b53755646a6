using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OnePassword.Users.Runtime;

/// <summary>
/// The OAuth 2.0 token or revocation endpoint refused a request or answered something that is
/// not a token. Carries the RFC 6749 section 5.2 <see cref="Error"/> code (for example
/// <c>invalid_client</c> with HTTP 401, <c>invalid_scope</c> with HTTP 400) and its description.
/// </summary>
/// <remarks>
/// The message reads <c>POST https://host/v1beta1/users/oauth2/token failed with HTTP 401 (invalid_client): Client authentication failed</c>.
/// It never holds the client secret, the Basic header or a token, even when the server echoed
/// them; a body that is not an OAuth error is quoted as a short one-line excerpt.
/// </remarks>
public sealed class OAuthTokenException : ApiErrorException
{
    internal OAuthTokenException(string message, ApiErrorContext context, string? errorUri, Exception? innerException)
        : base(message, context, innerException)
    {
        ErrorUri = errorUri;
    }

    /// <summary>The RFC 6749 error code, for example <c>invalid_client</c>; <see langword="null"/> when the body was not an OAuth error.</summary>
    public string? Error => OAuthError;

    /// <summary>The server's <c>error_description</c>, if any.</summary>
    public string? ErrorDescription => RpcMessage;

    /// <summary>The server's <c>error_uri</c>, if any.</summary>
    public string? ErrorUri { get; }

    /// <summary>The HTTP status of the response.</summary>
    public int StatusCode => ResponseStatusCode;

    /// <summary>Builds the exception for an error response whose body was read.</summary>
    internal static OAuthTokenException FromErrorResponse(HttpResponseMessage response, string? body, IReadOnlyList<string> secrets, DateTimeOffset now)
    {
        // Redacted before it is parsed, so no field read from it can hold an echoed credential.
        Redactor redactor = Redactor.For(secrets);
        body = redactor.Redact(body);
        ErrorBody parsed = ErrorBody.Read(body);
        string? errorUri = ErrorUriOf(body);
        ApiErrorContext context = Context(response, redactor, body, parsed.OAuthError, parsed.Message, now);
        if (context.StatusCode is >= 300 and <= 399)
        {
            return new OAuthTokenException(RedirectRefusedException.Create(context, response.Headers.Location, null).Message, context, errorUri, parsed.ParseError);
        }

        var message = new StringBuilder(RequestLine(response))
            .Append(" failed with HTTP ")
            .Append(context.StatusCode.ToString(CultureInfo.InvariantCulture));
        if (context.OAuthError is { } error)
        {
            message.Append(" (").Append(ErrorText.Excerpt(redactor.Redact(error)!)).Append(')');
            if (!string.IsNullOrWhiteSpace(context.RpcMessage))
            {
                message.Append(": ").Append(ErrorText.Excerpt(context.RpcMessage));
            }
        }
        else
        {
            if (!string.IsNullOrWhiteSpace(response.ReasonPhrase))
            {
                message.Append(" (").Append(ErrorText.Excerpt(redactor.Redact(response.ReasonPhrase)!)).Append(')');
            }

            message.Append(string.IsNullOrWhiteSpace(context.RawBody)
                ? "; the body was empty"
                : $"; the body was not an OAuth error and starts: \"{ErrorText.Excerpt(context.RawBody)}\"");
        }

        return new OAuthTokenException(message.ToString(), context, errorUri, parsed.ParseError);
    }

    /// <summary>Builds the exception for a success response that holds no usable token.</summary>
    internal static OAuthTokenException FromUnreadableToken(HttpResponseMessage response, string? body, string reason, IReadOnlyList<string> secrets, Exception? inner, DateTimeOffset now)
    {
        // A success body may hold a token even when some other field is wrong: such a body is
        // withheld entirely rather than quoted.
        bool mayHoldToken = body is not null && body.Contains("access_token", StringComparison.OrdinalIgnoreCase);
        Redactor redactor = Redactor.For(secrets);
        string? kept = mayHoldToken ? null : redactor.Redact(body);
        ApiErrorContext context = Context(response, redactor, kept, oauthError: null, description: null, now);

        string bodyText = mayHoldToken
            ? "The body is withheld because it may hold a token."
            : string.IsNullOrEmpty(kept) ? "The body was empty." : $"The body starts: \"{ErrorText.Excerpt(kept)}\"";
        string message = $"{RequestLine(response)} returned HTTP {context.StatusCode.ToString(CultureInfo.InvariantCulture)} without a usable access token: {reason}. {bodyText}";
        return new OAuthTokenException(message, context, errorUri: null, inner);
    }

    private static ApiErrorContext Context(HttpResponseMessage response, Redactor redactor, string? rawBody, string? oauthError, string? description, DateTimeOffset now)
    {
        if (rawBody is { Length: > MaxRawBodyLength })
        {
            rawBody = rawBody[..MaxRawBodyLength];
        }

        HttpRequestMessage? request = response.RequestMessage;
        return new ApiErrorContext(
            (int)response.StatusCode,
            redactor.Headers(response),
            RpcCode: null,
            RpcMessage: description,
            OAuthError: oauthError,
            Details: [],
            RawBody: rawBody,
            RequestMethod: request?.Method.Method,
            RequestUri: UriText.StripUserInfo(request?.RequestUri),
            RetryAfter: RetryAfterParser.Parse(response.Headers, now));
    }

    private static string RequestLine(HttpResponseMessage response)
    {
        HttpRequestMessage? request = response.RequestMessage;
        string uri = request?.RequestUri is { } requestUri ? UriText.WithoutUserInfo(requestUri) : "(unknown URI)";
        return $"{request?.Method.Method ?? "(unknown method)"} {uri}";
    }

    private static string? ErrorUriOf(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || !body.AsSpan().TrimStart().StartsWith("{", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error_uri", out JsonElement value)
                && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
