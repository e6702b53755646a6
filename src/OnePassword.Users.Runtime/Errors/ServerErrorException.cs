namespace OnePassword.Users.Runtime;

/// <summary>HTTP 5xx. The server failed (HTTP 5xx, for example Internal, gRPC code 13), or a gateway in front of it did; the body may be an HTML page, kept in <see cref="ApiErrorException.RawBody"/>.</summary>
public class ServerErrorException : ApiErrorException
{
    internal ServerErrorException(string message, ApiErrorContext context, Exception? innerException)
        : base(message, context, innerException)
    {
    }
}
