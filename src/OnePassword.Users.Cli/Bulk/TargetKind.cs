namespace OnePassword.Users.Cli.Bulk;

/// <summary>How a bulk target names its user.</summary>
internal enum TargetKind
{
    /// <summary>A user id, used as is.</summary>
    Id,

    /// <summary>An email address, resolved to an id from one listing of the account.</summary>
    Email,
}
