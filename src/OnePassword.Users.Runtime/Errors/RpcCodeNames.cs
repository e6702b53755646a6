namespace OnePassword.Users.Runtime;

/// <summary>The names of the gRPC canonical status codes, as used in error messages.</summary>
internal static class RpcCodeNames
{
    private static readonly string[] s_names =
    [
        "OK", "Cancelled", "Unknown", "InvalidArgument", "DeadlineExceeded", "NotFound", "AlreadyExists",
        "PermissionDenied", "ResourceExhausted", "FailedPrecondition", "Aborted", "OutOfRange",
        "Unimplemented", "Internal", "Unavailable", "DataLoss", "Unauthenticated",
    ];

    public static string Name(int code) => code >= 0 && code < s_names.Length ? s_names[code] : "Code";
}
