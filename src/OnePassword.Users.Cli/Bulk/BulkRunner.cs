using System.Diagnostics;
using OnePassword.Users.Cli.Connection;
using OnePassword.Users.Cli.Interruption;
using OnePassword.Users.Cli.Progress;
using OnePassword.Users.Models;

namespace OnePassword.Users.Cli.Bulk;

/// <summary>
/// Applies a state change to each target in order, one at a time (the API allows 100 requests a
/// minute, so parallel calls would only queue in the client's rate limiter). Every target gets
/// exactly one outcome, whatever happens:
/// <list type="bullet">
/// <item>a target that fails is reported and the rest continue;</item>
/// <item>a stop request (Ctrl+C, SIGTERM) lets the call in flight finish, then the rest are "not attempted";</item>
/// <item>authentication failures stop the run, since every later call would fail the same way;</item>
/// <item>so do <see cref="BulkRunOptions.MaxOutagesInARow"/> network or server failures in a row: the API is out of reach.</item>
/// </list>
/// </summary>
internal sealed class BulkRunner(ApiSession session, StateChange change, BulkRunOptions options, StopSignal stop, BulkProgress progress, IBulkSink sink)
{
    /// <summary>
    /// Above this many ids, one listing of the account (1000 users a request) is cheaper than a
    /// GET per user to learn current states; emails always need the listing.
    /// </summary>
    private const int ListingThreshold = 25;

    public async Task<BulkResult> RunAsync(BulkRun run, IReadOnlySet<int> doneEarlier, CancellationToken cancellationToken)
    {
        var targets = run.Targets;
        var directory = new UserDirectory(session.Users);
        StopCause? stopped = null;

        var pending = targets.Where((target, i) => !doneEarlier.Contains(i + 1) && target.Problem is null).ToList();
        if (pending.Any(target => target.Kind == TargetKind.Email) || pending.Count > ListingThreshold)
        {
            stopped = await LoadListingAsync(directory, cancellationToken).ConfigureAwait(false);
        }

        progress.Planned([.. targets.Select((target, i) => doneEarlier.Contains(i + 1) ? 0 : ExpectedCalls(target, directory))]);

        var outcomes = new List<BulkOutcome>(targets.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var outagesInARow = 0;
        for (var i = 0; i < targets.Count; i++)
        {
            var index = i + 1;
            var target = targets[i];
            var started = Stopwatch.GetTimestamp();
            progress.Starting(target);

            BulkOutcome outcome;
            if (doneEarlier.Contains(index))
            {
                outcome = new BulkOutcome(index, target, OutcomeKind.DoneEarlier, null, null, "done in an earlier run");
            }
            else if ((stopped ??= StopRequested()) is { } cause)
            {
                outcome = new BulkOutcome(index, target, OutcomeKind.NotAttempted, null, null, $"not attempted: {cause.Description}");
            }
            else
            {
                var (result, answered, exception) = await RunOneAsync(index, target, directory, seen, cancellationToken).ConfigureAwait(false);
                outcome = result;
                if (outcome.Kind == OutcomeKind.Interrupted)
                {
                    stopped = StopRequested();
                }
                else if (outcome.Failure == FailureKind.Authentication)
                {
                    stopped = new StopCause($"stopped because {outcome.Detail}", ExitCodes.AuthenticationFailed);
                }
                else if (exception is not null && FailureClassifier.IsOutage(outcome.Failure, exception))
                {
                    if (++outagesInARow >= options.MaxOutagesInARow)
                    {
                        stopped = new StopCause($"stopped after {outagesInARow} network or server failures in a row (the last: {outcome.Detail})", ExitCodes.ApiError);
                    }
                }
                else if (answered)
                {
                    outagesInARow = 0;
                }
            }

            outcomes.Add(outcome);
            progress.Completed(outcome, Stopwatch.GetElapsedTime(started));
            await sink.OutcomeAsync(outcome).ConfigureAwait(false);
        }

        return new BulkResult(outcomes, stopped);
    }

    private StopCause? StopRequested() =>
        stop.Reason is { } reason ? new StopCause($"stopped by {reason.Describe()}", stop.ExitCode) : null;

    private async Task<StopCause?> LoadListingAsync(UserDirectory directory, CancellationToken cancellationToken)
    {
        using var operation = session.Activity.BeginOperation(cancellationToken);
        try
        {
            await directory.LoadListingAsync(operation.Token).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (stop.IsRequested && !cancellationToken.IsCancellationRequested)
        {
            return StopRequested();
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var (kind, detail) = FailureClassifier.Classify(exception, operation.Token);
            if (kind == FailureKind.Authentication)
            {
                return new StopCause($"stopped because {session.Mask(detail)}", ExitCodes.AuthenticationFailed);
            }

            // Ids can still be looked up one by one; each email will try the listing again.
            await sink.NoteAsync($"Listing the account failed ({session.Mask(detail)}); looking users up one by one instead.").ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>The calls a target will probably need, for the estimate: none when the listing shows it is already done.</summary>
    private int ExpectedCalls(BulkTarget target, UserDirectory directory)
    {
        if (target.Problem is not null)
        {
            return 0;
        }

        var changeCall = options.DryRun ? 0 : 1;
        return directory.KnownState(target) switch
        {
            { } state when state == change.TargetState => 0,
            not null => changeCall,
            null when directory.HasListing && target.Kind == TargetKind.Email => 0,
            null => 1 + changeCall,
        };
    }

    private async Task<(BulkOutcome Outcome, bool Answered, Exception? Exception)> RunOneAsync(
        int index, BulkTarget target, UserDirectory directory, HashSet<string> seen, CancellationToken cancellationToken)
    {
        if (target.Problem is { } problem)
        {
            return (new BulkOutcome(index, target, OutcomeKind.Failed, null, null, problem, FailureKind.InvalidTarget), false, null);
        }

        User? user = null;
        var answered = false;
        int? sentBeforeChange = null;
        using var operation = session.Activity.BeginOperation(cancellationToken);
        try
        {
            user = await directory.FindAsync(target, operation.Token).ConfigureAwait(false);
            answered = true;
            if (user is null)
            {
                return (new BulkOutcome(index, target, OutcomeKind.Failed, null, null, "no user has this email address", FailureKind.NotFound), answered, null);
            }

            if (!seen.Add(user.Id))
            {
                return (new BulkOutcome(index, target, OutcomeKind.Duplicate, user.Id, user.Email, "named earlier in this batch"), answered, null);
            }

            if (user.State == change.TargetState)
            {
                return (new BulkOutcome(index, target, OutcomeKind.AlreadyInState, user.Id, user.Email, $"already {change.StateName}"), answered, null);
            }

            if (options.DryRun)
            {
                return (new BulkOutcome(index, target, OutcomeKind.WouldChange, user.Id, user.Email, $"would {change.Verb}"), answered, null);
            }

            await sink.AttemptingAsync(index, user.Id).ConfigureAwait(false);
            sentBeforeChange = operation.AttemptsSent;
            await change.ApplyAsync(session.Users[user.Id], operation.Token).ConfigureAwait(false);
            return (new BulkOutcome(index, target, OutcomeKind.Changed, user.Id, user.Email, string.Empty), true, null);
        }
        catch (OperationCanceledException) when (stop.IsRequested && !cancellationToken.IsCancellationRequested)
        {
            // Cancelled only while no request was on the wire: before the call was sent, or while it waited to be retried.
            var (call, sent) = sentBeforeChange is { } before ? ($"the {change.Verb} call", operation.AttemptsSent > before) : ("looking the user up", operation.AttemptsSent > 0);
            var detail = sent
                ? $"interrupted by {stop.Reason?.Describe()} while {call} waited to be retried; a resume tries it again"
                : $"interrupted by {stop.Reason?.Describe()} before {call} was sent; nothing changed";
            return (new BulkOutcome(index, target, OutcomeKind.Interrupted, user?.Id, user?.Email, detail), answered, null);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var (kind, detail) = FailureClassifier.Classify(exception, operation.Token);
            var failed = new BulkOutcome(index, target, OutcomeKind.Failed, user?.Id, user?.Email, session.Mask(detail), kind);
            return (failed, answered || kind is FailureKind.NotFound or FailureKind.Refused or FailureKind.ApiError, exception);
        }
    }
}
