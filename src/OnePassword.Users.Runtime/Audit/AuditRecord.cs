namespace OnePassword.Users.Runtime;

/// <summary>
/// One state-changing call, written when it ends: who (the OAuth client) did what (the
/// operation) to which resource, when, and how it went. It never holds a secret or a token.
/// </summary>
/// <param name="Time">When the call ended, in UTC.</param>
/// <param name="Operation">The spec's operationId, for example <c>suspendUser</c>.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="AccountId">The account the resource belongs to (the id after <c>accounts/</c>), when its name has one.</param>
/// <param name="Resource">The resource name, for example <c>accounts/A/users/U</c>, with ids decoded.</param>
/// <param name="Outcome">How the call ended.</param>
/// <param name="StatusCode">The final HTTP status, when there was a response.</param>
/// <param name="RpcCode">The <c>google.rpc.Status</c> code of an error answer.</param>
/// <param name="ErrorType">A low-cardinality description of the failure (<c>403</c>, <c>timeout</c>, ...), or null on success.</param>
/// <param name="Attempts">How many times the request was sent.</param>
/// <param name="ClientId">The OAuth application's client id.</param>
/// <param name="CorrelationId">The trace id of the call when it was traced, else a random id unique to the call.</param>
public sealed record AuditRecord(
    DateTimeOffset Time,
    string Operation,
    string Method,
    string? AccountId,
    string Resource,
    AuditOutcome Outcome,
    int? StatusCode,
    int? RpcCode,
    string? ErrorType,
    int Attempts,
    string ClientId,
    string CorrelationId);
