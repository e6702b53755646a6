namespace OnePassword.Users.Runtime;

/// <summary>Raised inside <see cref="PooledBody.ReadAsync"/>; the guard turns it into a <see cref="ResponseTooLargeException"/> that names the request.</summary>
internal sealed class ResponseLimitExceededException : Exception
{
    public ResponseLimitExceededException()
        : base("The response body is larger than the limit.")
    {
    }

    public ResponseLimitExceededException(string message)
        : base(message)
    {
    }

    public ResponseLimitExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
