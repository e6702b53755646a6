namespace OnePassword.Users.Runtime;

/// <summary>HTTP 401. Unauthenticated (gRPC code 16): the access token or client credentials are missing, wrong, expired or revoked.</summary>
public class UnauthenticatedException : ApiErrorException
{
    internal UnauthenticatedException(string message, ApiErrorContext context, Exception? innerException)
        : base(message, context, innerException)
    {
    }
}
