namespace OnePassword.Users.Emulator;

/// <summary>One user to seed into the emulator.</summary>
/// <param name="Email">The email address, unique within the account.</param>
/// <param name="DisplayName">The display name.</param>
/// <param name="Role">The role, which decides the suspension rules.</param>
/// <param name="State">The initial state.</param>
/// <param name="ExternallyManaged">Whether an identity provider manages the user.</param>
/// <param name="CreateTime">The creation time; the emulator's start time when <see langword="null"/>.</param>
/// <param name="AccountId">The account; the emulator's default account when <see langword="null"/>.</param>
/// <param name="Id">The user id; derived from the account and email when <see langword="null"/>.</param>
public sealed record SeedUser(
    string Email,
    string DisplayName,
    UserRole Role = UserRole.Member,
    UserState State = UserState.Active,
    bool ExternallyManaged = false,
    DateTimeOffset? CreateTime = null,
    string? AccountId = null,
    string? Id = null);
