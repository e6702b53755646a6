namespace OnePassword.Users.Emulator.State;

/// <summary>What a suspend or reactivate request did to the emulator's state.</summary>
internal enum StateChangeOutcome
{
    /// <summary>The user now has the requested state (it may have had it already).</summary>
    Applied,

    /// <summary>No such user in the account.</summary>
    NotFound,

    /// <summary>Refused: the user is the account's last active owner.</summary>
    LastOwner,

    /// <summary>Refused: the user is an externally managed administrator.</summary>
    ExternallyManagedAdmin,
}
