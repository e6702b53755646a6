namespace OnePassword.Users.Emulator;

/// <summary>The operations the emulator serves, as counted by <see cref="EmulatorStatistics"/>.</summary>
public enum EmulatorOperation
{
    /// <summary><c>POST /v1beta1/users/oauth2/token</c>.</summary>
    RequestAccessToken,

    /// <summary><c>POST /v1beta1/users/oauth2/revoke</c>.</summary>
    RevokeAccessToken,

    /// <summary><c>GET /v1beta1/accounts/{account_id}/users</c>.</summary>
    ListUsers,

    /// <summary><c>GET /v1beta1/accounts/{account_id}/users/{user_id}</c>.</summary>
    GetUser,

    /// <summary><c>POST /v1beta1/accounts/{account_id}/users/{user_id}:suspend</c>.</summary>
    SuspendUser,

    /// <summary><c>POST /v1beta1/accounts/{account_id}/users/{user_id}:reactivate</c>.</summary>
    ReactivateUser,
}
