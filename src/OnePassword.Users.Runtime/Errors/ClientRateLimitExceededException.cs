namespace OnePassword.Users.Runtime;

/// <summary>
/// The client-side rate limiter did not grant a permit: its queue was full, or the wait passed
/// <see cref="RateLimitOptions.MaxQueueWait"/>. No request reached the server.
/// </summary>
public sealed class ClientRateLimitExceededException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ClientRateLimitExceededException()
        : this("The client-side rate limiter did not grant a permit.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public ClientRateLimitExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public ClientRateLimitExceededException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a message, a suggested wait and its cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="retryAfter">When a permit was expected to become free, if known.</param>
    /// <param name="innerException">The cause.</param>
    public ClientRateLimitExceededException(string message, TimeSpan? retryAfter, Exception? innerException = null)
        : base(message, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long until the limiter expected a permit to become free, when it knew.</summary>
    public TimeSpan? RetryAfter { get; }
}
