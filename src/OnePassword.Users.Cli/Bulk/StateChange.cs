using OnePassword.Users.Accounts.Item.Users.Item;
using OnePassword.Users.Models;

namespace OnePassword.Users.Cli.Bulk;

/// <summary>What a bulk command does to each user: the state it wants and the call that gets there.</summary>
/// <param name="Verb">The command's name: <c>suspend</c>.</param>
/// <param name="Title">The verb at the start of a sentence: <c>Suspend</c>.</param>
/// <param name="PastTense">How a done change is reported: <c>suspended</c>.</param>
/// <param name="Progressive">What the display says while it works: <c>suspending</c>.</param>
/// <param name="StateName">The target state in words: <c>suspended</c>, <c>active</c>.</param>
/// <param name="TargetState">Users already in this state are skipped.</param>
/// <param name="ApplyAsync">The API call.</param>
internal sealed record StateChange(
    string Verb,
    string Title,
    string PastTense,
    string Progressive,
    string StateName,
    UserState TargetState,
    Func<UsersItemRequestBuilder, CancellationToken, Task<User>> ApplyAsync)
{
    public static StateChange Suspend { get; } = new(
        "suspend", "Suspend", "suspended", "suspending", "suspended", UserState.Suspended, (user, cancellationToken) => user.Suspend.PostAsync(cancellationToken: cancellationToken));

    public static StateChange Reactivate { get; } = new(
        "reactivate", "Reactivate", "reactivated", "reactivating", "active", UserState.Active, (user, cancellationToken) => user.Reactivate.PostAsync(cancellationToken: cancellationToken));

    public static IReadOnlyList<StateChange> All { get; } = [Suspend, Reactivate];
}
