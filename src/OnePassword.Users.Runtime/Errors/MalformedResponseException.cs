namespace OnePassword.Users.Runtime;

/// <summary>
/// A response that cannot be read as the API promised: truncated JSON, an HTML page, a wrong
/// content type, or an empty body where one is required. The message holds the status and the
/// first characters of the body; <see cref="Exception.InnerException"/> holds the parse failure.
/// </summary>
public class MalformedResponseException : ApiErrorException
{
    internal MalformedResponseException(string message, ApiErrorContext context, Exception? innerException)
        : base(message, context, innerException)
    {
    }
}
