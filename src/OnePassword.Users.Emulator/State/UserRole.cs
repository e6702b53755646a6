namespace OnePassword.Users.Emulator;

/// <summary>A user's role in the account; it decides which suspensions the API refuses.</summary>
public enum UserRole
{
    /// <summary>An ordinary member.</summary>
    Member,

    /// <summary>An administrator; refused suspension when externally managed.</summary>
    Admin,

    /// <summary>An owner; the last active owner cannot be suspended.</summary>
    Owner,
}
