namespace OnePassword.Users.Emulator;

/// <summary>A user's state, served as <c>ACTIVE</c> or <c>SUSPENDED</c>.</summary>
public enum UserState
{
    /// <summary>The user can sign in.</summary>
    Active,

    /// <summary>The user is suspended and cannot sign in.</summary>
    Suspended,
}
