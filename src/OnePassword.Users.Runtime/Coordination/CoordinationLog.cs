using Microsoft.Extensions.Logging;

namespace OnePassword.Users.Runtime;

/// <summary>The log events of fleet coordination (ids 6001-6099): the shared budget and the shared token.</summary>
internal static partial class CoordinationLog
{
    // The shared store failed; the rate limiter paces with its local share of the budget (or refuses, fail-closed).
    [LoggerMessage(EventId = 6001, EventName = "FleetBudgetUnavailable", Level = LogLevel.Warning, Message = "The shared rate budget is unavailable ({Reason}); {Fallback}")]
    public static partial void BudgetUnavailable(ILogger logger, string reason, string fallback);

    // The shared store answers again; the fleet budget is back in use.
    [LoggerMessage(EventId = 6002, EventName = "FleetBudgetRestored", Level = LogLevel.Information, Message = "The shared rate budget is available again after {OutageMilliseconds} ms; pacing with the fleet")]
    public static partial void BudgetRestored(ILogger logger, long outageMilliseconds);

    // A token was taken from the fleet's cache rather than requested.
    [LoggerMessage(EventId = 6003, EventName = "FleetTokenReused", Level = LogLevel.Information, Message = "Reused the fleet's access token; it expires at {ExpiresAt:O}")]
    public static partial void TokenReused(ILogger logger, DateTimeOffset expiresAt);

    // The token cache failed; this process asks the token endpoint itself.
    [LoggerMessage(EventId = 6004, EventName = "FleetTokenCacheFailed", Level = LogLevel.Warning, Message = "The fleet's token cache failed to {Action} ({ErrorType}: {Reason}); this process asks the token endpoint itself")]
    public static partial void TokenCacheFailed(ILogger logger, string action, string errorType, string reason);

    // Another process held the token lock too long; this process asks the token endpoint itself.
    [LoggerMessage(EventId = 6005, EventName = "FleetTokenLockTimedOut", Level = LogLevel.Warning, Message = "Another process held the token lock for more than {WaitMilliseconds} ms; this process asks the token endpoint itself")]
    public static partial void TokenLockTimedOut(ILogger logger, long waitMilliseconds);

    // A 429's Retry-After was stored as a hold (or refusal) for the whole fleet.
    [LoggerMessage(EventId = 6006, EventName = "FleetHoldSet", Level = LogLevel.Warning, Message = "Every worker of the fleet holds for {HoldSeconds} s{Refusal}")]
    public static partial void HoldSet(ILogger logger, double holdSeconds, string refusal);
}
