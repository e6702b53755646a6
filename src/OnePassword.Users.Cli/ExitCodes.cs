namespace OnePassword.Users.Cli;

/// <summary>The process exit codes; scripts branch on them, so they are part of the tool's contract and listed in --help.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A bulk command ran to the end, but at least one user could not be changed (or, in a dry run, would not be).</summary>
    public const int SomeOperationsFailed = 1;

    /// <summary>Bad or unknown flag, missing credentials, unreadable input file or journal.</summary>
    public const int UsageError = 2;

    /// <summary>The token endpoint refused the credentials, or the API refused the token.</summary>
    public const int AuthenticationFailed = 3;

    /// <summary>The user (or account) does not exist.</summary>
    public const int NotFound = 4;

    /// <summary>
    /// Any other API refusal or failure: permission denied (also a permission <c>auth check</c>
    /// found denied), rate limited, 5xx, network; a bulk run stopped by network failures in a row.
    /// </summary>
    public const int ApiError = 5;

    /// <summary>Interrupted with Ctrl+C, the shell convention (128 + SIGINT).</summary>
    public const int Cancelled = 130;

    /// <summary>Stopped by SIGTERM (128 + 15).</summary>
    public const int Terminated = 143;

    /// <summary>The help text's description of the codes above.</summary>
    public const string HelpText = """
        Exit codes:
          0    success
          1    some operations failed (bulk suspend/reactivate ran to the end; each failure is on stderr),
               or a dry run found users that would fail
          2    usage error: bad or unknown flag, missing credentials, unreadable CSV or journal
          3    authentication failed: the credentials or the token were refused
          4    not found (users get)
          5    API or server error: permission denied (also when auth check finds a permission denied),
               rate limited, 5xx, network; a bulk run stopped after network failures in a row
          130  stopped by Ctrl+C (SIGINT); a bulk run finishes the call in flight and prints its summary
          143  stopped by SIGTERM, the same way
        """;
}
