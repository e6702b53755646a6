using OnePassword.Users.Runtime;

namespace OnePassword.Users.Cli.Bulk;

/// <summary>Turns whatever a target's calls threw into a failure kind and a line a person can act on. Nothing is left unclassified.</summary>
internal static class FailureClassifier
{
    /// <param name="exception">What the call threw.</param>
    /// <param name="callerCancellation">The run's own cancellation, so a stop is not mistaken for a timeout.</param>
    public static (FailureKind Kind, string Detail) Classify(Exception exception, CancellationToken callerCancellation) => exception switch
    {
        UsageException usage => (FailureKind.InvalidTarget, usage.Message),
        OAuthTokenException token => (FailureKind.Authentication, $"authentication failed: the token endpoint refused the client credentials: {token.Message}"),
        UnauthenticatedException unauthenticated => (FailureKind.Authentication, $"authentication failed: the API refused the access token: {unauthenticated.Message}"),
        PermissionDeniedException { IsNoOwnerRemain: true } =>
            (FailureKind.Refused, "refused: this is the account's last active owner, and an account must keep one"),
        PermissionDeniedException denied => (FailureKind.Refused, $"permission denied: {denied.RpcMessage ?? denied.Message}"),
        NotFoundException => (FailureKind.NotFound, "user not found"),
        _ when NetworkFailure.Is(exception, callerCancellation) => (FailureKind.Network, $"network: {Describe(exception)}"),
        ApiErrorException api => (FailureKind.ApiError, api.Message),
        _ => (FailureKind.Unexpected, $"unexpected {exception.GetType().Name}: {exception.Message}"),
    };

    /// <summary>A failure that says the API is out of reach rather than anything about the user: a run of them stops a bulk run.</summary>
    public static bool IsOutage(FailureKind kind, Exception exception) =>
        kind == FailureKind.Network || exception is ServerErrorException;

    private static string Describe(Exception exception)
    {
        // The innermost message names the cause (refused, reset, timed out); the outer ones repeat the request.
        var messages = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (!string.IsNullOrWhiteSpace(current.Message) && !messages.Contains(current.Message))
            {
                messages.Add(current.Message);
            }
        }

        return messages.Count == 0 ? exception.GetType().Name : string.Join(": ", messages.Take(2));
    }
}
