namespace OnePassword.Users.Emulator;

/// <summary>A user held by the emulator. Immutable: a state change replaces the record.</summary>
/// <param name="Id">The user id, usually 26 upper-case base32 characters.</param>
/// <param name="AccountId">The account the user belongs to.</param>
/// <param name="Email">The user's email address.</param>
/// <param name="DisplayName">The user's display name.</param>
/// <param name="Role">The user's role, which decides the suspension rules.</param>
/// <param name="State">Whether the user is active or suspended.</param>
/// <param name="ExternallyManaged">Whether the user is provisioned by an identity provider; externally managed admins cannot be suspended.</param>
/// <param name="CreateTime">When the user was created; with <paramref name="Id"/> it orders list results.</param>
public sealed record EmulatorUser(
    string Id,
    string AccountId,
    string Email,
    string DisplayName,
    UserRole Role,
    UserState State,
    bool ExternallyManaged,
    DateTimeOffset CreateTime)
{
    /// <summary>The resource path the API serves: <c>accounts/&lt;account_id&gt;/users/&lt;user_id&gt;</c>.</summary>
    public string Path => $"accounts/{AccountId}/users/{Id}";
}
