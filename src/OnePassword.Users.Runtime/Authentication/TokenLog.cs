using Microsoft.Extensions.Logging;

namespace OnePassword.Users.Runtime;

/// <summary>The token provider's log events (ids 1001-1099). No event takes a token or a secret.</summary>
internal static partial class TokenLog
{
    [LoggerMessage(EventId = 1001, EventName = "TokenAcquired", Level = LogLevel.Information, Message = "Acquired an access token from {TokenUri}; it expires at {ExpiresAt:O}")]
    public static partial void TokenAcquired(ILogger logger, string tokenUri, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 1002, EventName = "TokenRefreshed", Level = LogLevel.Information, Message = "Refreshed the access token from {TokenUri}; the new one expires at {ExpiresAt:O}")]
    public static partial void TokenRefreshed(ILogger logger, string tokenUri, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 1003, EventName = "TokenRequestFailed", Level = LogLevel.Warning, Message = "The access-token request to {TokenUri} failed ({ErrorType}): {Reason}")]
    public static partial void TokenRequestFailed(ILogger logger, string tokenUri, string errorType, string reason);

    [LoggerMessage(EventId = 1004, EventName = "TokenRequestRetried", Level = LogLevel.Information, Message = "Access-token request attempt {Attempt} to {TokenUri} failed ({Reason}); retrying in {DelayMilliseconds} ms")]
    public static partial void TokenRequestRetried(ILogger logger, int attempt, string tokenUri, string reason, long delayMilliseconds);

    [LoggerMessage(EventId = 1005, EventName = "TokenRejected", Level = LogLevel.Information, Message = "The API rejected the cached access token; it was dropped and a new one will be requested")]
    public static partial void TokenRejected(ILogger logger);

    [LoggerMessage(EventId = 1006, EventName = "TokenRevoked", Level = LogLevel.Information, Message = "Revoked the access token at {RevocationUri}")]
    public static partial void TokenRevoked(ILogger logger, string revocationUri);

    [LoggerMessage(EventId = 1007, EventName = "TokenRevocationFailed", Level = LogLevel.Warning, Message = "Revoking the access token at {RevocationUri} failed ({ErrorType}): {Reason}; the token was not revoked and expires on its own")]
    public static partial void TokenRevocationFailed(ILogger logger, string revocationUri, string errorType, string reason);

    [LoggerMessage(EventId = 1008, EventName = "TokenRequested", Level = LogLevel.Debug, Message = "Requesting an access token from {TokenUri}")]
    public static partial void TokenRequested(ILogger logger, string tokenUri);

    [LoggerMessage(EventId = 1009, EventName = "TokenRefreshScheduled", Level = LogLevel.Debug, Message = "The next access-token refresh is due at {RefreshAt:O}")]
    public static partial void TokenRefreshScheduled(ILogger logger, DateTimeOffset refreshAt);

    [LoggerMessage(EventId = 1010, EventName = "TokenRequestGivenUp", Level = LogLevel.Warning, Message = "The access-token request to {TokenUri} got HTTP {StatusCode} asking to wait {DelayMilliseconds} ms, longer than RetryMaxDelay; giving up")]
    public static partial void TokenRequestGivenUp(ILogger logger, string tokenUri, int statusCode, long delayMilliseconds);
}
