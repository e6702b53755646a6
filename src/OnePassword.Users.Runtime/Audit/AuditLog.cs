using Microsoft.Extensions.Logging;

namespace OnePassword.Users.Runtime;

/// <summary>The audit trail's log events (ids 5001-5099), under the category <see cref="LoggerAuditSink.Category"/>.</summary>
internal static partial class AuditLog
{
    [LoggerMessage(EventId = 5001, EventName = "AuditRecord", Level = LogLevel.Information,
        Message = "Audit: {Operation} {Method} {Resource} in account {AccountId} by client {ClientId}: {Outcome} (HTTP {StatusCode}, rpc code {RpcCode}, error {ErrorType}, {Attempts} attempt(s), correlation {CorrelationId}) at {Time:O}")]
    public static partial void Record(ILogger logger, string operation, string method, string resource, string? accountId, string clientId, AuditOutcome outcome, int? statusCode, int? rpcCode, string? errorType, int attempts, string correlationId, DateTimeOffset time);

    [LoggerMessage(EventId = 5002, EventName = "AuditSinkFailed", Level = LogLevel.Error, Message = "The audit sink {Sink} failed to record {Operation} on {Resource}")]
    public static partial void SinkFailed(ILogger logger, Exception exception, string sink, string operation, string resource);
}
