namespace OnePassword.Users.Cli.Bulk;

/// <summary>Why a bulk run ended before its last target.</summary>
/// <param name="Description">For the summary: "stopped by Ctrl+C (SIGINT)", "stopped after 5 network failures in a row".</param>
/// <param name="ExitCode">The process exit code it leads to.</param>
internal sealed record StopCause(string Description, int ExitCode);
