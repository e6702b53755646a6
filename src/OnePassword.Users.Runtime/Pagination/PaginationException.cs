namespace OnePassword.Users.Runtime;

/// <summary>
/// The server's page tokens would make the list go on forever: a token came back twice, or
/// the list ran past the page bound. Carries the token so a job can report where it stopped.
/// </summary>
public sealed class PaginationException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="pageToken">The token at which enumeration stopped.</param>
    /// <param name="pagesRead">How many pages were read.</param>
    public PaginationException(string message, string? pageToken, int pagesRead)
        : base(message)
    {
        PageToken = pageToken;
        PagesRead = pagesRead;
    }

    /// <summary>The token at which enumeration stopped.</summary>
    public string? PageToken { get; }

    /// <summary>How many pages were read before stopping.</summary>
    public int PagesRead { get; }
}
