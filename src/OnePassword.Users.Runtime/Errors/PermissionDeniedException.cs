namespace OnePassword.Users.Runtime;

/// <summary>
/// HTTP 403. PermissionDenied (gRPC code 7): the OAuth application lacks the permission for the
/// call, or the action is refused, for example suspending the last remaining owner.
/// </summary>
public class PermissionDeniedException : ApiErrorException
{
    internal PermissionDeniedException(string message, ApiErrorContext context, Exception? innerException)
        : base(message, context, innerException)
    {
    }

    /// <summary>Whether the refusal is <c>no_owner_remain</c>: the user is the account's last remaining owner and cannot be suspended.</summary>
    public bool IsNoOwnerRemain => string.Equals(RpcMessage, "no_owner_remain", StringComparison.Ordinal);
}
