namespace OnePassword.Users.Cli.Bulk;

/// <summary>Why a target failed, for scripts (the outcome's <c>failure</c> field) and for deciding whether the run goes on.</summary>
internal enum FailureKind
{
    /// <summary>Not a failure.</summary>
    None,

    /// <summary>The row or argument is not a usable id or email.</summary>
    InvalidTarget,

    /// <summary>No such user.</summary>
    NotFound,

    /// <summary>The API refused: the last owner, an externally managed admin, no permission.</summary>
    Refused,

    /// <summary>Another answer from the API: 5xx after retries, 429 beyond the retry budget, a bad request.</summary>
    ApiError,

    /// <summary>No answer: connection refused or reset, timeout, body cut off (see <see cref="NetworkFailure"/>).</summary>
    Network,

    /// <summary>The credentials or the token were refused; every later call would fail the same way, so the run stops.</summary>
    Authentication,

    /// <summary>Anything else: a response the client could not read, a bug. The run goes on.</summary>
    Unexpected,
}
