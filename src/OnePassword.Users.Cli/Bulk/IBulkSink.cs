namespace OnePassword.Users.Cli.Bulk;

/// <summary>
/// Something that hears of a bulk run as it happens: the journal, the report on stdout and stderr.
/// Sinks are told in order, the journal first, so a result is on disk before it is on screen.
/// </summary>
internal interface IBulkSink
{
    Task RunStartedAsync(BulkRun run);

    /// <summary>A state-changing call for target <paramref name="index"/> (user <paramref name="userId"/>) is about to be sent.</summary>
    Task AttemptingAsync(int index, string userId);

    Task OutcomeAsync(BulkOutcome outcome);

    /// <summary>Something the operator should know that is not a target's outcome, such as a listing that failed.</summary>
    Task NoteAsync(string message);

    Task RunEndedAsync(BulkRun run, BulkResult result);
}
