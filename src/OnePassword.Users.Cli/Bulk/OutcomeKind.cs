namespace OnePassword.Users.Cli.Bulk;

/// <summary>What happened to one target of a bulk command.</summary>
internal enum OutcomeKind
{
    /// <summary>The state was changed.</summary>
    Changed,

    /// <summary>Skipped: the user was already in the target state, so no call was made.</summary>
    AlreadyInState,

    /// <summary>Skipped: <c>--dry-run</c>; the change would have been made.</summary>
    WouldChange,

    /// <summary>Skipped: the same user was named earlier in the batch.</summary>
    Duplicate,

    /// <summary>The row was unusable, the user was not found, or the API refused.</summary>
    Failed,
}
