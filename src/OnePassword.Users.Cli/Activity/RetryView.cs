namespace OnePassword.Users.Cli.Activity;

/// <summary>A retry the client is waiting to send.</summary>
/// <param name="Request">Method and path.</param>
/// <param name="Reason">What failed: "HTTP 503", "a connection failure (...)".</param>
/// <param name="Attempt">The number of the attempt to come (2 for the first retry).</param>
/// <param name="MaxAttempts">The most attempts the client makes.</param>
/// <param name="Since">When the wait began.</param>
/// <param name="Until">When the retry is sent.</param>
internal sealed record RetryView(string Request, string Reason, int Attempt, int MaxAttempts, TimeSpan Since, TimeSpan Until);
