using OnePassword.Users.Accounts.Item.Users;
using OnePassword.Users.Models;

namespace OnePassword.Users.Cli.Bulk;

/// <summary>The account's users from one listing, by id and by email, to resolve emails and learn states without a call per user.</summary>
internal sealed class UserSnapshot
{
    private readonly Dictionary<string, User> _byId = new(StringComparer.Ordinal);

    // Emails are matched case-insensitively, as mail systems treat them.
    private readonly Dictionary<string, User> _byEmail = new(StringComparer.OrdinalIgnoreCase);

    public static UserSnapshot Empty { get; } = new();

    public static async Task<UserSnapshot> ListAsync(UsersRequestBuilder users, CancellationToken cancellationToken)
    {
        var snapshot = new UserSnapshot();
        await foreach (var user in users.ListAllAsync(pageSize: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            snapshot._byId[user.Id] = user;
            snapshot._byEmail[user.Email] = user;
        }

        return snapshot;
    }

    public User? FindById(string id) => _byId.GetValueOrDefault(id);

    public User? FindByEmail(string email) => _byEmail.GetValueOrDefault(email);
}
