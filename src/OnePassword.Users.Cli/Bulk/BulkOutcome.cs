namespace OnePassword.Users.Cli.Bulk;

/// <summary>The result for one target.</summary>
/// <param name="Target">The target as given.</param>
/// <param name="Kind">What happened.</param>
/// <param name="UserId">The resolved user id, when it was resolved.</param>
/// <param name="Email">The user's email, when known.</param>
/// <param name="Detail">Why it failed or was skipped; empty for a change.</param>
internal sealed record BulkOutcome(BulkTarget Target, OutcomeKind Kind, string? UserId, string? Email, string Detail)
{
    public bool IsSkipped => Kind is OutcomeKind.AlreadyInState or OutcomeKind.WouldChange or OutcomeKind.Duplicate;
}
