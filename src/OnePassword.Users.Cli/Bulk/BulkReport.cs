using OnePassword.Users.Cli.Output;

namespace OnePassword.Users.Cli.Bulk;

/// <summary>
/// Reports a bulk run as it goes: one line per target, the moment it has its outcome. With the
/// default format, changes and skips go to stdout and failures to stderr, so a script can keep
/// the log of changes and still see every failure; <c>--output json</c> writes every outcome to
/// stdout as one JSON object per line (<see cref="OutcomeJson"/>), <c>--output csv</c> one row per
/// outcome whose id and email columns <c>--from-csv</c> reads back. The summary follows the last
/// outcome: on stdout with the default format, on stderr otherwise, so stdout stays parseable.
/// </summary>
internal sealed class BulkReport(StateChange change, bool dryRun, OutputFormat format, CliConsole console, TimeProvider time, string journalPath) : IBulkSink
{
    private static readonly string[] CsvHeader = ["id", "email", "outcome", "detail", "source", "target"];

    private readonly int _wordWidth = new[] { $"would {change.Verb}", change.PastTense, "skipped", "not done", "failed" }.Max(word => word.Length);

    private TextWriter SummaryWriter => format == OutputFormat.Table ? console.Out : console.Error;

    public async Task RunStartedAsync(BulkRun run)
    {
        if (format == OutputFormat.Csv)
        {
            await console.Out.WriteAsync(CsvFormatter.Record(CsvHeader)).ConfigureAwait(false);
        }
    }

    public Task AttemptingAsync(int index, string userId) => Task.CompletedTask;

    public Task OutcomeAsync(BulkOutcome outcome) => format switch
    {
        OutputFormat.Json => console.Out.WriteLineAsync(OutcomeJson.Serialize(outcome, change, time.GetUtcNow())),
        OutputFormat.Csv => console.Out.WriteAsync(CsvFormatter.Record(
            [outcome.UserId ?? (outcome.Target.Kind == TargetKind.Id ? outcome.Target.Value : string.Empty),
             outcome.Email ?? (outcome.Target.Kind == TargetKind.Email ? outcome.Target.Value : string.Empty),
             OutcomeNames.Of(outcome.Kind), outcome.Detail, outcome.Target.Source, outcome.Target.Value])),
        _ when outcome.Kind == OutcomeKind.Failed => console.Error.WriteLineAsync($"{"failed".PadRight(_wordWidth)}  {outcome.Target.Source}: {outcome.Target.Value}: {outcome.Detail}"),
        _ => console.Out.WriteLineAsync(Line(outcome)),
    };

    public Task NoteAsync(string message) => console.Error.WriteLineAsync($"op-users: {message}");

    public async Task RunEndedAsync(BulkRun run, BulkResult result)
    {
        var output = SummaryWriter;
        if (result.Stopped is { } stopped)
        {
            var reached = result.Outcomes.Count - result.Remaining;
            await output.WriteLineAsync($"The run {stopped.Description} with {reached} of {result.Outcomes.Count} users dealt with.").ConfigureAwait(false);
        }

        await output.WriteLineAsync(Summary(result)).ConfigureAwait(false);
        if (dryRun)
        {
            await output.WriteLineAsync("Dry run: nothing was changed. Refusals the API decides when a change is made (the last owner, an externally managed admin) do not show in a dry run.").ConfigureAwait(false);
        }

        await output.WriteLineAsync($"Journal: {journalPath}").ConfigureAwait(false);
        if (result.Remaining > 0 || result.Count(OutcomeKind.Failed) > 0)
        {
            await output.WriteLineAsync($"To retry what failed and do what remains: op-users users {change.Verb}{(dryRun ? " --dry-run" : string.Empty)} --resume {journalPath} (with the same connection flags)").ConfigureAwait(false);
        }
    }

    private string Summary(BulkResult result)
    {
        var parts = new List<string>();
        if (dryRun)
        {
            parts.Add($"{result.Count(OutcomeKind.WouldChange)} would be {change.PastTense}");
            parts.Add($"{result.Count(OutcomeKind.AlreadyInState)} already {change.StateName}");
            parts.Add($"{result.Count(OutcomeKind.Failed)} would fail");
        }
        else
        {
            parts.Add($"{result.Count(OutcomeKind.Changed)} {change.PastTense}");
            parts.Add($"{result.Count(OutcomeKind.AlreadyInState)} already {change.StateName}");
            parts.Add($"{result.Count(OutcomeKind.Failed)} failed");
        }

        AddIfAny(parts, result.Count(OutcomeKind.Duplicate), "named twice");
        AddIfAny(parts, result.Count(OutcomeKind.DoneEarlier), "done in an earlier run");
        AddIfAny(parts, result.Remaining, "not done");
        return $"Summary: {string.Join(", ", parts)}.";
    }

    private static void AddIfAny(List<string> parts, int count, string what)
    {
        if (count > 0)
        {
            parts.Add($"{count} {what}");
        }
    }

    private string Line(BulkOutcome outcome)
    {
        var who = outcome.UserId is { } id ? $"{id}{(outcome.Email is { } email ? "  " + email : string.Empty)}" : $"{outcome.Target.Source}: {outcome.Target.Value}";
        var (word, detail) = outcome.Kind switch
        {
            OutcomeKind.Changed => (change.PastTense, string.Empty),
            OutcomeKind.WouldChange => ($"would {change.Verb}", string.Empty),
            OutcomeKind.Interrupted or OutcomeKind.NotAttempted => ("not done", $"  ({outcome.Detail})"),
            _ => ("skipped", $"  ({outcome.Detail})"),
        };
        return $"{word.PadRight(_wordWidth)}  {who}{detail}";
    }
}
