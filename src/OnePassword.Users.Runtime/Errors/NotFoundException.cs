namespace OnePassword.Users.Runtime;

/// <summary>HTTP 404. NotFound (gRPC code 5): no such account or user.</summary>
public class NotFoundException : ApiErrorException
{
    internal NotFoundException(string message, ApiErrorContext context, Exception? innerException)
        : base(message, context, innerException)
    {
    }
}
