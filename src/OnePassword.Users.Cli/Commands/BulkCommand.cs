using System.CommandLine;
using OnePassword.Users.Cli.Bulk;
using OnePassword.Users.Cli.Journal;
using OnePassword.Users.Cli.Progress;

namespace OnePassword.Users.Cli.Commands;

/// <summary>
/// Runs a bulk suspend or reactivate: gathers the targets (or reads them from the journal being
/// resumed), opens the journal before the first call (a run that cannot be recorded does not
/// start), runs them with the live display, and turns the result into an exit code.
/// </summary>
internal static class BulkCommand
{
    public static async Task<int> RunAsync(CommandContext context, ParseResult parseResult, BulkRequest request, CancellationToken cancellationToken)
    {
        var change = request.Change;
        var time = TimeProvider.System;
        var resumed = request.Resume is { } resumePath ? ReadResumed(resumePath, request) : null;
        var targets = resumed?.Targets ?? TargetSources.Read(request.Users, request.FromCsv, context.Console.In);
        if (targets.Count == 0)
        {
            throw new UsageException($"Nothing to {change.Verb}: give user ids or emails, - for stdin, or --from-csv <file>.");
        }

        // Opening a session sends nothing yet; settings that cannot work fail here, before a journal exists.
        var session = await context.OpenSessionAsync(parseResult, cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            if (resumed is not null && !session.IsEmulator && !string.Equals(resumed.AccountId, session.AccountId, StringComparison.Ordinal))
            {
                throw new UsageException($"The journal records a run on account {resumed.AccountId}; this run would act on account {session.AccountId}.");
            }

            // A run that cannot be recorded does not start.
            var journalPath = request.Resume ?? request.Journal ?? JournalLocation.Default(context.Environment, change.Verb, time.GetUtcNow());
            using var journal = JournalWriter.Open(journalPath, append: resumed is not null, time);
            await context.Console.Error.WriteLineAsync(resumed is null ? $"Journal: {journal.Path}" : ResumeNote(journal.Path, resumed)).ConfigureAwait(false);

            var run = new BulkRun(change, request.DryRun, session.AccountId, session.BaseUrl, targets, resumed is not null, time.GetUtcNow());
            var progress = new BulkProgress(targets.Count);
            var sinks = new BulkSinks(journal, new BulkReport(change, request.DryRun, request.Format, context.Console, time, journal.Path));
            var runner = new BulkRunner(session, change, new BulkRunOptions(request.DryRun, request.MaxNetworkFailures), context.Stop, progress, sinks);

            BulkResult result;
            var display = context.Status?.Show(StatusFrames.Bulk(progress, change, request.DryRun, session.Activity, session.Forecast, context.Console.Width));
            try
            {
                using var onStop = context.Stop.Token.Register(() =>
                {
                    progress.Stopping();
                    session.Activity.StopAfterCallInFlight();
                    context.Status?.Refresh();
                });
                await sinks.RunStartedAsync(run).ConfigureAwait(false);
                result = await runner.RunAsync(run, resumed?.Done ?? new HashSet<int>(), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                display?.Dispose();
            }

            await sinks.RunEndedAsync(run, result).ConfigureAwait(false);

            // After Ctrl+C the shell's convention holds even when the call in flight was the last one.
            return context.Stop.IsRequested ? context.Stop.ExitCode
                : result.Stopped is { } stopped ? stopped.ExitCode
                : result.Count(OutcomeKind.Failed) > 0 ? ExitCodes.SomeOperationsFailed
                : ExitCodes.Success;
        }
    }

    private static JournalContents ReadResumed(string path, BulkRequest request)
    {
        if (request.Users.Count > 0 || request.FromCsv is not null)
        {
            throw new UsageException("--resume takes its users from the journal; give no users and no --from-csv with it.");
        }

        if (request.Journal is not null)
        {
            throw new UsageException("--resume continues the journal it reads; --journal cannot be given with it.");
        }

        var contents = JournalReader.Read(path);
        if (contents.Action != request.Change.Verb)
        {
            throw new UsageException($"The journal '{path}' records a '{contents.Action}' run; continue it with 'op-users users {contents.Action} --resume {path}'.");
        }

        if (contents.DryRun != request.DryRun)
        {
            throw new UsageException(contents.DryRun
                ? $"The journal '{path}' records a dry run: add --dry-run to continue it, or start a new run without --resume."
                : $"The journal '{path}' records a run that changes users; it cannot be continued as a dry run.");
        }

        return contents;
    }

    private static string ResumeNote(string path, JournalContents resumed)
    {
        var note = $"Journal: {path} (continued: {resumed.Done.Count} of {resumed.Targets.Count} users done earlier";
        if (resumed.Unfinished.Count > 0)
        {
            note += $"; {resumed.Unfinished.Count} call(s) had been sent when the earlier run was killed, so those users are checked again";
        }

        if (resumed.TornLastLine)
        {
            note += "; its last line was cut off and is ignored";
        }

        return note + ")";
    }
}
