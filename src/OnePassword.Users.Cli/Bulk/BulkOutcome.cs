namespace OnePassword.Users.Cli.Bulk;

/// <summary>The result for one target.</summary>
/// <param name="Index">The target's position in the run, from 1; the journal's key for it.</param>
/// <param name="Target">The target as given.</param>
/// <param name="Kind">What happened.</param>
/// <param name="UserId">The resolved user id, when it was resolved.</param>
/// <param name="Email">The user's email, when known.</param>
/// <param name="Detail">Why it failed or was skipped; empty for a change.</param>
/// <param name="Failure">For <see cref="OutcomeKind.Failed"/>, the kind of failure.</param>
internal sealed record BulkOutcome(int Index, BulkTarget Target, OutcomeKind Kind, string? UserId, string? Email, string Detail, FailureKind Failure = FailureKind.None)
{
    /// <summary>The run ended before this target was dealt with.</summary>
    public bool IsRemaining => Kind is OutcomeKind.Interrupted or OutcomeKind.NotAttempted;
}
