namespace OnePassword.Users.Runtime;

/// <summary>HTTP 400. InvalidArgument (gRPC code 3): the request was malformed, for example an unknown filter or an out-of-range page size.</summary>
public class InvalidArgumentException : ApiErrorException
{
    internal InvalidArgumentException(string message, ApiErrorContext context, Exception? innerException)
        : base(message, context, innerException)
    {
    }
}
