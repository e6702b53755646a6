namespace OnePassword.Users.Runtime;

/// <summary>HTTP 429. ResourceExhausted (gRPC code 8): the server's rate limit was exceeded. <see cref="ApiErrorException.RetryAfter"/> says when to try again.</summary>
public class RateLimitedException : ApiErrorException
{
    internal RateLimitedException(string message, ApiErrorContext context, Exception? innerException)
        : base(message, context, innerException)
    {
    }
}
