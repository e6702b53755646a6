using OnePassword.Users.Cli.Commands;
using OnePassword.Users.Cli.Connection;
using OnePassword.Users.Models;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Cli.Bulk;

/// <summary>
/// Applies a state change to each target in order, one at a time (the API allows 100 requests a
/// minute, so parallel calls would only queue in the client's rate limiter). A target that fails
/// is reported and the rest continue; only authentication failures stop the run, since every
/// later call would fail the same way.
/// </summary>
internal sealed class BulkRunner(ApiSession session, StateChange change, bool dryRun)
{
    /// <summary>
    /// Above this many ids, one listing of the account (1000 users a request) is cheaper than a
    /// GET per user to learn current states; emails always need the listing.
    /// </summary>
    private const int SnapshotThreshold = 25;

    public async Task<IReadOnlyList<BulkOutcome>> RunAsync(IReadOnlyList<BulkTarget> targets, Func<BulkOutcome, Task> onOutcome, CancellationToken cancellationToken)
    {
        var snapshot = targets.Any(target => target.Kind == TargetKind.Email && target.Problem is null) || targets.Count > SnapshotThreshold
            ? await UserSnapshot.ListAsync(session.Users, cancellationToken).ConfigureAwait(false)
            : UserSnapshot.Empty;

        var outcomes = new List<BulkOutcome>(targets.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            var outcome = await RunOneAsync(target, snapshot, seen, cancellationToken).ConfigureAwait(false);
            outcomes.Add(outcome);
            await onOutcome(outcome).ConfigureAwait(false);
        }

        return outcomes;
    }

    private async Task<BulkOutcome> RunOneAsync(BulkTarget target, UserSnapshot snapshot, HashSet<string> seen, CancellationToken cancellationToken)
    {
        if (target.Problem is { } problem)
        {
            return new BulkOutcome(target, OutcomeKind.Failed, null, null, problem);
        }

        User? user;
        try
        {
            user = await FindAsync(target, snapshot, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (Describe(exception) is { } reason)
        {
            return new BulkOutcome(target, OutcomeKind.Failed, null, null, reason);
        }

        if (user is null)
        {
            return new BulkOutcome(target, OutcomeKind.Failed, null, null, "no user has this email address");
        }

        if (!seen.Add(user.Id))
        {
            return new BulkOutcome(target, OutcomeKind.Duplicate, user.Id, user.Email, "named earlier in this batch");
        }

        if (user.State == change.TargetState)
        {
            return new BulkOutcome(target, OutcomeKind.AlreadyInState, user.Id, user.Email, $"already {change.StateName}");
        }

        if (dryRun)
        {
            return new BulkOutcome(target, OutcomeKind.WouldChange, user.Id, user.Email, $"would {change.Verb} (dry run)");
        }

        try
        {
            await change.ApplyAsync(session.Users[user.Id], cancellationToken).ConfigureAwait(false);
            return new BulkOutcome(target, OutcomeKind.Changed, user.Id, user.Email, string.Empty);
        }
        catch (Exception exception) when (Describe(exception) is { } reason)
        {
            return new BulkOutcome(target, OutcomeKind.Failed, user.Id, user.Email, reason);
        }
    }

    private async Task<User?> FindAsync(BulkTarget target, UserSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (target.Kind == TargetKind.Email)
        {
            return snapshot.FindByEmail(target.Value);
        }

        // A user missing from the snapshot may have been added since; asking for it is cheap and certain.
        return snapshot.FindById(target.Value)
            ?? await UserIdArgument.Address(session.Users, target.Value).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The reason to report for a per-user failure, or null for failures that must stop the run.</summary>
    private static string? Describe(Exception exception) => exception switch
    {
        OAuthTokenException or UnauthenticatedException => null,
        UsageException usage => usage.Message,
        PermissionDeniedException { IsNoOwnerRemain: true } =>
            "refused: this is the account's last active owner, and an account must keep one",
        PermissionDeniedException denied => $"permission denied: {denied.RpcMessage ?? denied.Message}",
        NotFoundException => "user not found",
        ApiErrorException api => api.Message,
        _ => null,
    };
}
