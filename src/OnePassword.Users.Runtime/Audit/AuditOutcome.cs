namespace OnePassword.Users.Runtime;

/// <summary>How a state-changing call ended, as far as the client can know.</summary>
public enum AuditOutcome
{
    /// <summary>The API answered with success: the change was made (or was already in place).</summary>
    Succeeded,

    /// <summary>The API answered with an error status: the change was refused.</summary>
    Rejected,

    /// <summary>No complete answer arrived (transport failure, timeout, cancellation): the change may or may not have been made.</summary>
    Unknown,
}
