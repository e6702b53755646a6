namespace OnePassword.Users.Cli.Bulk;

/// <summary>
/// Writes outcomes and the summary: changes and skips on stdout, failures on stderr, so a script
/// can keep the log of changes and still see every failure.
/// </summary>
internal static class BulkReport
{
    public static Task WriteOutcomeAsync(BulkOutcome outcome, StateChange change, CliConsole console)
    {
        var who = $"{outcome.UserId ?? outcome.Target.Value}{(outcome.Email is { } email ? "  " + email : string.Empty)}";
        return outcome.Kind switch
        {
            OutcomeKind.Failed => console.Error.WriteLineAsync($"failed   {outcome.Target.Source}: {outcome.Target.Value}: {outcome.Detail}"),
            OutcomeKind.Changed => console.Out.WriteLineAsync($"{change.PastTense,-11}  {who}"),
            _ => console.Out.WriteLineAsync($"{"skipped",-11}  {who}  ({outcome.Detail})"),
        };
    }

    public static async Task WriteSummaryAsync(IReadOnlyList<BulkOutcome> outcomes, bool dryRun, CliConsole console)
    {
        var succeeded = outcomes.Count(outcome => outcome.Kind == OutcomeKind.Changed);
        var failed = outcomes.Count(outcome => outcome.Kind == OutcomeKind.Failed);
        var skipped = outcomes.Count(outcome => outcome.IsSkipped);
        await console.Out.WriteLineAsync($"Summary: {succeeded} succeeded, {failed} failed, {skipped} skipped.").ConfigureAwait(false);
        if (dryRun)
        {
            await console.Out.WriteLineAsync("Dry run: nothing was changed.").ConfigureAwait(false);
        }
    }
}
