namespace OnePassword.Users.Runtime;

/// <summary>
/// Where audit records go: one per state-changing call (suspend, reactivate, and any operation
/// of the spec that is not a safe method, unless it says <c>x-audit: false</c>). The default,
/// <see cref="LoggerAuditSink"/>, logs them; <see cref="JsonLinesAuditSink"/> appends them to a file.
/// </summary>
/// <remarks>
/// A sink that throws does not fail the call (the change is made by then); the failure is logged
/// as event 5002, AuditSinkFailed.
/// </remarks>
public interface IAuditSink
{
    /// <summary>Records one call.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the write; the client passes none, so records are written even for cancelled calls.</param>
    /// <returns>A task that completes when the record is stored.</returns>
    ValueTask WriteAsync(AuditRecord record, CancellationToken cancellationToken);
}
