namespace OnePassword.Users.Cli;

/// <summary>The command line or its inputs are wrong in a way the user must fix; exits with <see cref="ExitCodes.UsageError"/>.</summary>
internal sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
