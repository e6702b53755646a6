using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OnePassword.Users.Runtime;

/// <summary>The default audit sink: every record is a structured log event (id 5001) in the category <see cref="Category"/>.</summary>
public sealed class LoggerAuditSink : IAuditSink
{
    /// <summary>The log category of audit records, so they can be routed on their own.</summary>
    public const string Category = "OnePassword.Users.Audit";

    private readonly ILogger _logger;

    /// <summary>Creates the sink.</summary>
    /// <param name="loggerFactory">The logger factory; records are dropped when null.</param>
    public LoggerAuditSink(ILoggerFactory? loggerFactory) => _logger = loggerFactory?.CreateLogger(Category) ?? NullLogger.Instance;

    /// <summary>Whether a record would be logged; when not, the client does not build one.</summary>
    internal bool IsEnabled => _logger.IsEnabled(LogLevel.Information);

    /// <inheritdoc />
    public ValueTask WriteAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        AuditLog.Record(_logger, record.Operation, record.Method, record.Resource, record.AccountId, record.ClientId, record.Outcome, record.StatusCode, record.RpcCode, record.ErrorType, record.Attempts, record.CorrelationId, record.Time);
        return ValueTask.CompletedTask;
    }
}
