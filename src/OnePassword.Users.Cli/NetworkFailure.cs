namespace OnePassword.Users.Cli;

/// <summary>
/// The one place that decides whether an exception means "the network or the server's
/// transport failed" (reset, refused, unreachable, timed out, body cut off), as opposed to an
/// answer from the API. Such a failure says nothing about the user, so a bulk run counts them in
/// a row and stops when the connection is evidently gone.
/// </summary>
internal static class NetworkFailure
{
    /// <param name="exception">What a call threw.</param>
    /// <param name="callerCancellation">The tool's own cancellation: a cancellation it caused is not a transport failure.</param>
    public static bool Is(Exception exception, CancellationToken callerCancellation) => exception switch
    {
        // The SDK reports every transport failure as this one type (ResponseTooLargeException and
        // redirects are answers, not transport failures); the rest cover clients built without it.
        Runtime.ApiTransportException => true,
        HttpRequestException or IOException or TimeoutException => true,
        OperationCanceledException => !callerCancellation.IsCancellationRequested,
        _ => false,
    };
}
