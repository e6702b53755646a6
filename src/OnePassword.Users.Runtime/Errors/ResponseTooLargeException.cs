using System.Globalization;

namespace OnePassword.Users.Runtime;

/// <summary>
/// A response body was larger than the client accepts (<see cref="ApiClientOptions.MaxResponseBodySize"/>;
/// for the token endpoint <see cref="TokenCacheOptions.MaxResponseBodySize"/>). Bytes are counted
/// after decompression, and a declared <c>Content-Length</c> over the limit is refused before any
/// byte is read. The body is not kept.
/// </summary>
public sealed class ResponseTooLargeException : ApiErrorException
{
    private ResponseTooLargeException(string message, ApiErrorContext context, long limit, long? declaredLength)
        : base(message, context, innerException: null)
    {
        Limit = limit;
        DeclaredLength = declaredLength;
    }

    /// <summary>The most bytes the client accepts in one response body.</summary>
    public long Limit { get; }

    /// <summary>The response's <c>Content-Length</c>, when it declared one.</summary>
    public long? DeclaredLength { get; }

    internal static ResponseTooLargeException Create(HttpResponseMessage response, long limit, long? declaredLength)
    {
        ApiErrorContext context = ContextWithoutBody(response);
        string status = context.StatusCode.ToString(CultureInfo.InvariantCulture);
        string limitText = limit.ToString(CultureInfo.InvariantCulture);
        string message = declaredLength is { } declared
            ? $"{RequestLine(context)} answered HTTP {status} declaring a body of {declared.ToString(CultureInfo.InvariantCulture)} bytes, more than the limit of {limitText}; nothing was read"
            : $"{RequestLine(context)} answered HTTP {status} with a body of more than {limitText} bytes, the limit; reading stopped there";
        return new ResponseTooLargeException(message, context, limit, declaredLength);
    }
}
