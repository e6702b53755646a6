using System.CommandLine;
using OnePassword.Users.Cli.Bulk;
using OnePassword.Users.Cli.Connection;
using OnePassword.Users.Cli.Output;
using Spectre.Console;

namespace OnePassword.Users.Cli.Commands;

/// <summary><c>users suspend</c> and <c>users reactivate</c>: one or many users, from arguments or a CSV file.</summary>
internal static class ChangeStateCommand
{
    public static Command Create(CommandContext context, StateChange change)
    {
        var users = new Argument<string[]>("users")
        {
            Description = "User ids or emails (a value with an @ is an email, resolved by listing the account once)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        FlagLikeValues.RejectIn(users);
        var fromCsv = new Option<string?>("--from-csv")
        {
            Description = "A CSV file of users: a header row with an 'id' or 'email' column (other columns are ignored, so 'users list --output csv' works), or one column of ids or emails without a header",
            HelpName = "file",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would happen and change nothing" };

        var description = $"""
            {change.Title} users. Users already {change.StateName} are skipped; a user who
            cannot be {change.PastTense} (not found, the last owner, refused) is reported on stderr and the rest continue.
            Prints one line per user and a summary; exits 1 if any user failed.
            """;
        var command = new Command(change.Verb, description) { users, fromCsv, dryRun };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var targets = new List<BulkTarget>();
            targets.AddRange((parseResult.GetValue(users) ?? []).Select((value, index) => BulkTarget.FromArgument(index + 1, value)));
            if (parseResult.GetValue(fromCsv) is { } path)
            {
                targets.AddRange(TargetCsvReader.Read(path));
            }

            if (targets.Count == 0)
            {
                throw new UsageException($"Nothing to {change.Verb}: give user ids or emails, or --from-csv <file>.");
            }

            var isDryRun = parseResult.GetValue(dryRun);
            var session = await ApiSession.OpenAsync(parseResult, context.Connection, context.Environment, context.Console, cancellationToken).ConfigureAwait(false);
            await using (session.ConfigureAwait(false))
            {
                var runner = new BulkRunner(session, change, isDryRun);
                var outcomes = context.Console.StdoutIsTerminal
                    ? await RunWithProgressAsync(runner, targets, change, context.Console, cancellationToken).ConfigureAwait(false)
                    : await runner.RunAsync(targets, outcome => BulkReport.WriteOutcomeAsync(outcome, change, context.Console), cancellationToken).ConfigureAwait(false);
                await BulkReport.WriteSummaryAsync(outcomes, isDryRun, context.Console).ConfigureAwait(false);
                return outcomes.Any(outcome => outcome.Kind == OutcomeKind.Failed) ? ExitCodes.SomeOperationsFailed : ExitCodes.Success;
            }
        });
        return command;
    }

    private static async Task<IReadOnlyList<BulkOutcome>> RunWithProgressAsync(
        BulkRunner runner, IReadOnlyList<BulkTarget> targets, StateChange change, CliConsole console, CancellationToken cancellationToken)
    {
        // Lines written while the bar redraws would tear it, so outcomes are printed once it is done.
        var outcomes = await TerminalConsole.Create(console.Out).Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask($"{change.Title} {targets.Count} user(s)", maxValue: targets.Count);
            return await runner.RunAsync(targets, _ => { task.Increment(1); return Task.CompletedTask; }, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);

        foreach (var outcome in outcomes)
        {
            await BulkReport.WriteOutcomeAsync(outcome, change, console).ConfigureAwait(false);
        }

        return outcomes;
    }
}
