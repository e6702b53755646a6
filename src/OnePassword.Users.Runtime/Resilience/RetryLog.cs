using Microsoft.Extensions.Logging;

namespace OnePassword.Users.Runtime;

/// <summary>The retry handler's log events (ids 2001-2099).</summary>
internal static partial class RetryLog
{
    [LoggerMessage(EventId = 2001, EventName = "RetryScheduled", Level = LogLevel.Information, Message = "Retrying {Operation} ({Method} {Uri}) after {Reason}: retry {Retry} of {MaxRetries} in {DelayMilliseconds} ms{RetryAfterNote}")]
    public static partial void RetryScheduled(ILogger logger, string operation, string method, string uri, string reason, int retry, int maxRetries, long delayMilliseconds, string retryAfterNote);
}
