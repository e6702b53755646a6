using System.CommandLine;
using OnePassword.Users.Cli.Bulk;
using OnePassword.Users.Cli.Journal;
using OnePassword.Users.Cli.Output;
using OnePassword.Users.Cli.Progress;

namespace OnePassword.Users.Cli.Commands;

/// <summary>
/// <c>users suspend</c> and <c>users reactivate</c>: one or many users, from arguments, stdin or a
/// CSV file, each outcome reported and journaled as it happens, resumable after an interruption.
/// </summary>
internal static class ChangeStateCommand
{
    public static Command Create(CommandContext context, StateChange change)
    {
        var users = TargetArguments.Create("User ids or emails (an email is found by listing the account once); - reads ids, emails, CSV or JSON from stdin");
        var fromCsv = new Option<string?>("--from-csv")
        {
            Description = "A file of users (- for stdin): CSV with a header naming an 'id' and/or 'email' column (other columns are ignored, "
                + "so 'users list --output csv' works), or one id or email per line, or JSON as 'users list --output json' writes it",
            HelpName = "file",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Look every user up and report what would change; change nothing" };
        var output = OutputOption.Create(
            "table: one line per user as it is done (changes on stdout, failures on stderr), a live progress display when stderr is a terminal; "
            + "json: one outcome object per line on stdout, as in the journal; csv: one row per outcome (" + FormulaGuard.HelpText + "). "
            + "The summary goes to stdout with table, to stderr otherwise");
        var journal = new Option<string?>("--journal")
        {
            Description = "Where to record each outcome as it happens, one JSON line each, flushed to disk (default: a new file under "
                + "$XDG_STATE_HOME or ~/.local/state/op-users/journals, printed at the start)",
            HelpName = "file",
        };
        var resume = new Option<string?>("--resume")
        {
            Description = "Continue the run this journal recorded: its users, minus those already done (changed, or already "
                + $"{change.StateName}); failed, interrupted and never-reached users are tried again. The journal is continued",
            HelpName = "journal",
        };
        var maxFailures = new Option<int>("--max-network-failures")
        {
            Description = "Stop the run after this many network or server failures in a row, each after the client's retries",
            HelpName = "n",
            DefaultValueFactory = _ => BulkRunOptions.DefaultMaxOutagesInARow,
        };
        maxFailures.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--max-network-failures must be at least 1.");
            }
        });

        var description = $"""
            {change.Title} users. Users already {change.StateName} are skipped; a user who cannot be {change.PastTense}
            (not found, the last owner, refused, unreachable) is reported on stderr and the rest continue.
            Prints one line per user as it is done and a summary; exits 1 if any user failed.
            Ctrl+C or SIGTERM stops after the call in flight, prints the summary, revokes the token and
            exits 130 or 143; --resume with the journal then continues where the run stopped.
            """;
        var command = new Command(change.Verb, description) { users, fromCsv, dryRun, output, journal, resume, maxFailures };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var request = new BulkRequest(
                change,
                parseResult.GetValue(users) ?? [],
                parseResult.GetValue(fromCsv),
                parseResult.GetValue(dryRun),
                parseResult.GetValue(output),
                parseResult.GetValue(journal),
                parseResult.GetValue(resume),
                parseResult.GetValue(maxFailures));
            return await BulkCommand.RunAsync(context, parseResult, request, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
