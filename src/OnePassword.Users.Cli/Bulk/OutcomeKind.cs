namespace OnePassword.Users.Cli.Bulk;

/// <summary>What happened to one target of a bulk command. Every target gets exactly one.</summary>
internal enum OutcomeKind
{
    /// <summary>The state was changed.</summary>
    Changed,

    /// <summary>Skipped: the user was already in the target state, so no call was made.</summary>
    AlreadyInState,

    /// <summary><c>--dry-run</c>: the change would be made.</summary>
    WouldChange,

    /// <summary>Skipped: the same user was named earlier in the batch.</summary>
    Duplicate,

    /// <summary>Skipped: the journal resumed from says an earlier run already got this user into the target state.</summary>
    DoneEarlier,

    /// <summary>The row was unusable, the user was not found, the API refused, or the call failed.</summary>
    Failed,

    /// <summary>The run was stopped while this target's call waited to be sent or retried; nothing was changed.</summary>
    Interrupted,

    /// <summary>The run stopped before reaching this target.</summary>
    NotAttempted,
}
