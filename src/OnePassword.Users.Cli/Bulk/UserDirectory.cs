using OnePassword.Users.Accounts.Item.Users;
using OnePassword.Users.Cli.Commands;
using OnePassword.Users.Models;

namespace OnePassword.Users.Cli.Bulk;

/// <summary>
/// Finds the user a target names. An id is looked up in the account listing when one was taken,
/// and otherwise (or when the user is newer than the listing) with one GET; an email needs the
/// listing, which is taken once, on first need, and matched case-insensitively as mail systems do.
/// </summary>
internal sealed class UserDirectory(UsersRequestBuilder users)
{
    private UserSnapshot? _snapshot;

    public bool HasListing => _snapshot is not null;

    /// <summary>Lists the account now (1000 users a request), so later lookups need no call.</summary>
    public async Task LoadListingAsync(CancellationToken cancellationToken) =>
        _snapshot ??= await UserSnapshot.ListAsync(users, cancellationToken).ConfigureAwait(false);

    /// <summary>The user, or null when no user has the target's email.</summary>
    /// <exception cref="UsageException">The id cannot be used in a URL.</exception>
    public async Task<User?> FindAsync(BulkTarget target, CancellationToken cancellationToken)
    {
        if (target.Kind == TargetKind.Email)
        {
            await LoadListingAsync(cancellationToken).ConfigureAwait(false);
            return _snapshot!.FindByEmail(target.Value);
        }

        return _snapshot?.FindById(target.Value)
            ?? await UserIdArgument.Address(users, target.Value).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The user's state as the listing saw it, without a call; null when unknown.</summary>
    public UserState? KnownState(BulkTarget target) => _snapshot is null || target.Problem is not null ? null
        : (target.Kind == TargetKind.Email ? _snapshot.FindByEmail(target.Value) : _snapshot.FindById(target.Value))?.State;
}
