using System.Net;

namespace OnePassword.Users.Runtime;

/// <summary>
/// What <see cref="RetryHandler"/> tells <see cref="RetryOptions.OnRetry"/> before it waits and
/// sends again. It holds the request line, never the request itself, so nothing a callback
/// prints (its <see cref="object.ToString"/> included) can show a header or a credential.
/// </summary>
/// <param name="RequestMethod">The method of the request being retried.</param>
/// <param name="RequestUri">The URI of the request being retried, without user info.</param>
/// <param name="OperationName">The spec's operationId, when a generated client sent the request.</param>
/// <param name="RetryNumber">1 for the first retry, 2 for the second, and so on.</param>
/// <param name="MaxRetries">How many retries the request may have in all.</param>
/// <param name="Delay">How long the handler waits before sending again.</param>
/// <param name="StatusCode">The status of the response being retried, or <see langword="null"/> after a transport failure.</param>
/// <param name="Exception">The transport failure being retried, or <see langword="null"/> after a response.</param>
/// <param name="FromRetryAfter">Whether <paramref name="Delay"/> came from the server's <c>Retry-After</c>.</param>
public sealed record RetryAttempt(
    string RequestMethod,
    Uri? RequestUri,
    string? OperationName,
    int RetryNumber,
    int MaxRetries,
    TimeSpan Delay,
    HttpStatusCode? StatusCode,
    Exception? Exception,
    bool FromRetryAfter)
{
    /// <summary>Why the request is retried, in a few words: <c>HTTP 503</c>, or the transport failure.</summary>
    public string Reason => StatusCode is { } status
        ? "HTTP " + ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture)
        : Exception is ApiTransportException transport ? transport.Failure.ToString() : Exception?.GetType().Name ?? "unknown";
}
