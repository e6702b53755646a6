using OnePassword.Users.Cli.Interruption;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Cli;

/// <summary>
/// Turns an exception that ended a command into one line on stderr and an exit code. The SDK
/// already keeps credentials out of its messages; the known secrets are masked here again so no
/// future message can leak them.
/// </summary>
internal static class ErrorReporter
{
    public static async Task<int> ReportAsync(Exception exception, TextWriter error, IEnumerable<string> secrets, StopSignal stop, CancellationToken cancellationToken)
    {
        var (exitCode, message) = exception switch
        {
            UsageException usage => (ExitCodes.UsageError, usage.Message),
            OAuthTokenException token => (ExitCodes.AuthenticationFailed, $"Authentication failed: the token endpoint refused the client credentials. {token.Message}"),
            UnauthenticatedException unauthenticated => (ExitCodes.AuthenticationFailed, $"Authentication failed: the API refused the access token. {unauthenticated.Message}"),
            NotFoundException notFound => (ExitCodes.NotFound, $"Not found: {notFound.Message}"),
            PermissionDeniedException denied => (ExitCodes.ApiError, $"Permission denied: the OAuth application may not do this. {denied.Message}"),
            OperationCanceledException when stop.Reason is { } reason => (stop.ExitCode, $"Stopped by {reason.Describe()}."),
            OperationCanceledException when cancellationToken.IsCancellationRequested => (ExitCodes.Cancelled, "Cancelled."),
            _ when NetworkFailure.Is(exception, cancellationToken) => (ExitCodes.ApiError, $"Cannot reach the API: {exception.Message}"),
            ApiErrorException api => (ExitCodes.ApiError, $"API error: {api.Message}"),
            ClientRateLimitExceededException limited => (ExitCodes.ApiError, $"Rate limited: {limited.Message}"),
            PaginationException paging => (ExitCodes.ApiError, $"Listing failed: {paging.Message}"),
            _ => (ExitCodes.ApiError, $"Unexpected error ({exception.GetType().Name}): {exception.Message}"),
        };

        foreach (var secret in secrets.Where(secret => !string.IsNullOrEmpty(secret)))
        {
            message = message.Replace(secret, "***", StringComparison.Ordinal);
        }

        await error.WriteLineAsync($"op-users: {message}").ConfigureAwait(false);
        return exitCode;
    }
}
