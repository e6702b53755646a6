namespace OnePassword.Users.Runtime;

/// <summary>HTTP 429. ResourceExhausted (gRPC code 8): the server's rate limit was exceeded. <see cref="ApiErrorException.RetryAfter"/> says when to try again.</summary>
public class RateLimitedException : ApiErrorException
{
    internal RateLimitedException(string message, ApiErrorContext context, Exception? innerException)
        : base(message, context, innerException)
    {
    }

    /// <summary>
    /// The exception for a caller that was not sent because another caller of the same budget got
    /// a 429 whose <c>Retry-After</c> is longer than anyone waits: the same status and code, this
    /// caller's request line, and the wait that is left.
    /// </summary>
    /// <remarks>Without <paramref name="cause"/> (another process of the fleet saw the 429), the status and the code are those of any 429.</remarks>
    internal static RateLimitedException SharedRefusal(RateLimitedException? cause, HttpRequestMessage request, TimeSpan remaining)
    {
        ApiErrorContext template = cause?.ErrorContext ?? new ApiErrorContext(429, new Dictionary<string, IEnumerable<string>>(), RpcCode: 8, RpcMessage: null, OAuthError: null, Details: [], RawBody: null, null, null, null);
        ApiErrorContext context = template with
        {
            RequestMethod = request.Method.Method,
            RequestUri = UriText.StripUserInfo(request.RequestUri),
            RetryAfter = remaining,
        };
        string message = $"{RequestLine(context)} was not sent: the API answered another call with the same credentials HTTP 429 and Retry-After " +
            $"{remaining.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture)} s, longer than RateLimitOptions.MaxHold, so every caller sharing the budget fails until then";
        return new RateLimitedException(message, context, innerException: null);
    }
}
