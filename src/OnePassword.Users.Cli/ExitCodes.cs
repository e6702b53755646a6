namespace OnePassword.Users.Cli;

/// <summary>The process exit codes; scripts branch on them, so they are part of the tool's contract and listed in --help.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A bulk command ran, but at least one user could not be changed.</summary>
    public const int SomeOperationsFailed = 1;

    /// <summary>Bad or unknown flag, missing credentials, unreadable input file.</summary>
    public const int UsageError = 2;

    /// <summary>The token endpoint refused the credentials, or the API refused the token.</summary>
    public const int AuthenticationFailed = 3;

    /// <summary>The user (or account) does not exist.</summary>
    public const int NotFound = 4;

    /// <summary>Any other API refusal or failure: permission denied, rate limited, 5xx, network.</summary>
    public const int ApiError = 5;

    /// <summary>Interrupted with Ctrl+C, the shell convention (128 + SIGINT).</summary>
    public const int Cancelled = 130;

    /// <summary>The help text's description of the codes above.</summary>
    public const string HelpText = """
        Exit codes:
          0    success
          1    some operations failed (bulk suspend/reactivate; each failure is on stderr)
          2    usage error: bad or unknown flag, missing credentials, unreadable CSV
          3    authentication failed: the credentials or the token were refused
          4    not found (users get)
          5    API or server error: permission denied, rate limited, 5xx, network
          130  cancelled (Ctrl+C)
        """;
}
