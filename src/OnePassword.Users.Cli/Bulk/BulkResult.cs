namespace OnePassword.Users.Cli.Bulk;

/// <summary>A finished bulk run: one outcome per target, in target order, and why it stopped early, if it did.</summary>
internal sealed record BulkResult(IReadOnlyList<BulkOutcome> Outcomes, StopCause? Stopped)
{
    public int Count(OutcomeKind kind) => Outcomes.Count(outcome => outcome.Kind == kind);

    public int Remaining => Outcomes.Count(outcome => outcome.IsRemaining);
}
