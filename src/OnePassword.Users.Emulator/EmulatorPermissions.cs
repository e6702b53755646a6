namespace OnePassword.Users.Emulator;

/// <summary>
/// The permissions of an OAuth application. In 1Password they are chosen in the admin console,
/// not requested as OAuth scopes, so the emulator attaches them to the client.
/// </summary>
[Flags]
public enum EmulatorPermissions
{
    /// <summary>No users operation is allowed.</summary>
    None = 0,

    /// <summary>May call <c>GET /v1beta1/accounts/{account_id}/users/{user_id}</c>.</summary>
    GetUser = 1,

    /// <summary>May call <c>GET /v1beta1/accounts/{account_id}/users</c>.</summary>
    ListUsers = 2,

    /// <summary>May call <c>POST .../users/{user_id}:suspend</c>.</summary>
    SuspendUsers = 4,

    /// <summary>May call <c>POST .../users/{user_id}:reactivate</c>.</summary>
    ReactivateUsers = 8,

    /// <summary>Every users operation.</summary>
    All = GetUser | ListUsers | SuspendUsers | ReactivateUsers,
}
