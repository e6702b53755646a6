using Microsoft.Extensions.Logging;

namespace OnePassword.Users.Runtime;

/// <summary>The rate limiter's log events (ids 3001-3099).</summary>
internal static partial class RateLimitLog
{
    [LoggerMessage(EventId = 3001, EventName = "RateLimitWaitStarted", Level = LogLevel.Information, Message = "{Operation} waits for the client-side rate limit ({Queued} waiting)")]
    public static partial void WaitStarted(ILogger logger, string operation, long queued);

    [LoggerMessage(EventId = 3002, EventName = "RateLimitWaitEnded", Level = LogLevel.Information, Message = "{Operation} got its rate-limit permit after {WaitMilliseconds} ms")]
    public static partial void WaitEnded(ILogger logger, string operation, long waitMilliseconds);

    [LoggerMessage(EventId = 3003, EventName = "RateLimitHoldSet", Level = LogLevel.Warning, Message = "The API answered {Operation} with HTTP 429 and Retry-After {RetryAfterSeconds} s; every caller sharing the budget holds until then")]
    public static partial void HoldSet(ILogger logger, string operation, double retryAfterSeconds);

    [LoggerMessage(EventId = 3004, EventName = "RateLimitRefusalSet", Level = LogLevel.Error, Message = "The API answered {Operation} with HTTP 429 and Retry-After {RetryAfterSeconds} s, longer than MaxHold ({MaxHoldSeconds} s); every caller sharing the budget fails until then")]
    public static partial void RefusalSet(ILogger logger, string operation, double retryAfterSeconds, double maxHoldSeconds);
}
