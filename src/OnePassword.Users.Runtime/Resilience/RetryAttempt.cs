using System.Net;

namespace OnePassword.Users.Runtime;

/// <summary>What <see cref="RetryHandler"/> tells <see cref="RetryOptions.OnRetry"/> before it waits and sends again.</summary>
/// <param name="Request">The request being retried.</param>
/// <param name="RetryNumber">1 for the first retry, 2 for the second, and so on.</param>
/// <param name="Delay">How long the handler waits before sending again.</param>
/// <param name="StatusCode">The status of the response being retried, or <see langword="null"/> after a connection failure.</param>
/// <param name="Exception">The connection failure being retried, or <see langword="null"/> after a response.</param>
/// <param name="FromRetryAfter">Whether <paramref name="Delay"/> came from the server's <c>Retry-After</c>.</param>
public sealed record RetryAttempt(
    HttpRequestMessage Request,
    int RetryNumber,
    TimeSpan Delay,
    HttpStatusCode? StatusCode,
    Exception? Exception,
    bool FromRetryAfter);
