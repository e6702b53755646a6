using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Kiota.Abstractions;

namespace OnePassword.Users.Runtime;

/// <summary>
/// The API answered with an error. Carries the HTTP status, the <c>google.rpc.Status</c> body
/// (code, message, details) when there was one, the raw body, the request line and any
/// <c>Retry-After</c>. Subclasses name the common cases; catch this type for all of them.
/// </summary>
/// <remarks>
/// The message reads <c>GET https://host/path failed with HTTP 403 (PermissionDenied 7): no_owner_remain</c>.
/// It never holds a request header; credentials the request carried are also redacted from
/// the message and the raw body in case the server echoed them. Create instances with
/// <see cref="FromResponseAsync"/> or <see cref="FromResponse"/>, also in tests.
/// </remarks>
public class ApiErrorException : ApiException
{
    /// <summary>The most characters of a response body kept in <see cref="RawBody"/>.</summary>
    public const int MaxRawBodyLength = 64 * 1024;

    internal ApiErrorException(string message, ApiErrorContext context, Exception? innerException)
        // Kiota annotates the inner exception as non-null, but System.Exception accepts null.
        : base(message, innerException!)
    {
        ArgumentNullException.ThrowIfNull(context);
        ErrorContext = context;
        ResponseStatusCode = context.StatusCode;
        ResponseHeaders = context.Headers;
        RpcCode = context.RpcCode;
        RpcMessage = context.RpcMessage;
        OAuthError = context.OAuthError;
        Details = context.Details;
        RawBody = context.RawBody;
        RequestMethod = context.RequestMethod;
        RequestUri = context.RequestUri;
        RetryAfter = context.RetryAfter;
    }

    /// <summary>The <c>google.rpc.Status</c> code (gRPC canonical code number) when the body had one.</summary>
    public int? RpcCode { get; }

    /// <summary>The <c>google.rpc.Status</c> message, or an OAuth error's <c>error_description</c>.</summary>
    public string? RpcMessage { get; }

    /// <summary>The OAuth 2.0 error code (RFC 6749 section 5.2, for example <c>invalid_client</c>) when the body was an OAuth error.</summary>
    public string? OAuthError { get; }

    /// <summary>The <c>google.rpc.Status</c> details, each a <c>google.protobuf.Any</c> as JSON; empty when there were none.</summary>
    public IReadOnlyList<JsonElement> Details { get; }

    /// <summary>The response body as text, cut at <see cref="MaxRawBodyLength"/> characters; <see langword="null"/> when it was not read.</summary>
    public string? RawBody { get; }

    /// <summary>The request method, for example <c>POST</c>.</summary>
    public string? RequestMethod { get; }

    /// <summary>The request URI without user info; the query is kept.</summary>
    public Uri? RequestUri { get; }

    /// <summary>How long the server asked the client to wait (<c>Retry-After</c>), when it did.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Everything the exception was made from, for copies (a shared rate-limit refusal).</summary>
    internal ApiErrorContext ErrorContext { get; }

    /// <summary>Reads the body of an error response and returns the matching exception (it does not throw it).</summary>
    /// <param name="response">The response; its body is read, and it is not disposed.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>The exception for the response's status: a subclass for 400, 401, 403, 404, 429 and 5xx, otherwise this type.</returns>
    public static async Task<ApiErrorException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        string? body;
        try
        {
            body = await ResponseText.ReadAsync(response.Content, MaxRawBodyLength, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or InvalidOperationException or DecoderFallbackException)
        {
            // The status alone still says what failed; the broken body becomes the inner exception.
            return Create(response, body: null, exception);
        }

        return Create(response, body, readError: null);
    }

    /// <summary>Returns the exception for an error response whose body was already read (it does not throw it).</summary>
    /// <param name="response">The response.</param>
    /// <param name="body">The body text, or <see langword="null"/> when it was not read.</param>
    /// <returns>The exception for the response's status: a subclass for 400, 401, 403, 404, 429 and 5xx, otherwise this type.</returns>
    public static ApiErrorException FromResponse(HttpResponseMessage response, string? body) =>
        Create(response, body, readError: null);

    /// <summary>
    /// Returns the exception for a response that cannot be read as the API promised, for example
    /// a success response with truncated JSON, an HTML page or an empty body.
    /// </summary>
    /// <param name="response">The response.</param>
    /// <param name="body">The body text, or <see langword="null"/> when it was not read.</param>
    /// <param name="reason">What was wrong, in a few words, for the message.</param>
    /// <param name="inner">The parse failure, if any.</param>
    /// <returns>The exception (not thrown).</returns>
    public static MalformedResponseException CreateMalformed(HttpResponseMessage response, string? body, string reason, Exception? inner)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(reason);
        Redactor redactor = Redactor.For(response.RequestMessage);
        ApiErrorContext context = Context(response, redactor.Redact(body), new ErrorBody(), redactor);

        string bodyText = string.IsNullOrEmpty(context.RawBody)
            ? "The body was empty."
            : $"The body starts: \"{ErrorText.Excerpt(context.RawBody)}\"";
        string message = $"{RequestLine(context)} returned HTTP {context.StatusCode} that could not be read: {redactor.Redact(reason)}. {bodyText}";
        return new MalformedResponseException(message, context, inner);
    }

    private static ApiErrorException Create(HttpResponseMessage response, string? body, Exception? readError)
    {
        ArgumentNullException.ThrowIfNull(response);
        // Redacted before it is parsed, so the details and the message hold no echoed credential either.
        Redactor redactor = Redactor.For(response.RequestMessage);
        body = redactor.Redact(body);
        ErrorBody parsed = ErrorBody.Read(body);
        ApiErrorContext context = Context(response, body, parsed, redactor);
        Exception? inner = readError ?? parsed.ParseError;
        if (context.StatusCode is >= 300 and <= 399)
        {
            return RedirectRefusedException.Create(context, response.Headers.Location, inner);
        }

        string message = ComposeMessage(context, response.ReasonPhrase, redactor);

        // The HTTP status decides the type: a body can be missing or unreadable (a proxy's HTML
        // page), the status is always there.
        return context.StatusCode switch
        {
            400 => new InvalidArgumentException(message, context, inner),
            401 => new UnauthenticatedException(message, context, inner),
            403 => new PermissionDeniedException(message, context, inner),
            404 => new NotFoundException(message, context, inner),
            429 => new RateLimitedException(message, context, inner),
            >= 500 and <= 599 => new ServerErrorException(message, context, inner),
            _ => new ApiErrorException(message, context, inner),
        };
    }

    /// <summary>What a response says without its body: status, redacted headers, request line and <c>Retry-After</c>.</summary>
    internal static ApiErrorContext ContextWithoutBody(HttpResponseMessage response) =>
        Context(response, body: null, new ErrorBody(), Redactor.For(response.RequestMessage));

    /// <summary>The request line of an error, for messages: <c>GET https://host/path</c>.</summary>
    internal static string RequestLine(ApiErrorContext context)
    {
        string uri = context.RequestUri switch
        {
            null => "(unknown URI)",
            { IsAbsoluteUri: true } absolute => absolute.AbsoluteUri,
            var relative => relative.OriginalString,
        };
        return $"{context.RequestMethod ?? "(unknown method)"} {uri}";
    }

    /// <remarks><paramref name="body"/> is already redacted; the headers are redacted here.</remarks>
    private static ApiErrorContext Context(HttpResponseMessage response, string? body, ErrorBody parsed, Redactor redactor)
    {
        HttpRequestMessage? request = response.RequestMessage;
        string? rawBody = body is { Length: > MaxRawBodyLength } ? body[..MaxRawBodyLength] : body;
        return new ApiErrorContext(
            (int)response.StatusCode,
            redactor.Headers(response),
            parsed.Code,
            parsed.Message,
            parsed.OAuthError,
            parsed.Details,
            rawBody,
            request?.Method.Method,
            UriText.StripUserInfo(request?.RequestUri),
            RetryAfterParser.Parse(response.Headers, TimeProvider.System.GetUtcNow()));
    }

    private static string ComposeMessage(ApiErrorContext context, string? reasonPhrase, Redactor redactor)
    {
        var message = new StringBuilder(RequestLine(context))
            .Append(" failed with HTTP ")
            .Append(context.StatusCode.ToString(CultureInfo.InvariantCulture));

        if (context.RpcCode is { } code)
        {
            message.Append(" (").Append(RpcCodeNames.Name(code)).Append(' ').Append(code.ToString(CultureInfo.InvariantCulture)).Append(')');
        }
        else if (context.OAuthError is { } oauthError)
        {
            message.Append(" (").Append(ErrorText.Excerpt(oauthError)).Append(')');
        }
        else if (!string.IsNullOrWhiteSpace(reasonPhrase))
        {
            message.Append(" (").Append(ErrorText.Excerpt(redactor.Redact(reasonPhrase)!)).Append(')');
        }

        string? detail = !string.IsNullOrEmpty(context.RpcMessage) ? context.RpcMessage : context.RawBody;
        if (!string.IsNullOrWhiteSpace(detail))
        {
            message.Append(": ").Append(ErrorText.Excerpt(detail));
        }

        return message.ToString();
    }
}
