using OnePassword.Users;
using OnePassword.Users.Models;

namespace SecurityResponder;

/// <summary>Finds a user by id or by email; the API has no lookup by email, so an email is found by paging the list.</summary>
internal sealed class UserLocator(UsersApiClient users)
{
    public async Task<User?> FindAsync(string accountId, string idOrEmail, CancellationToken cancellationToken)
    {
        if (!idOrEmail.Contains('@', StringComparison.Ordinal))
        {
            try
            {
                return await users.Accounts[accountId].Users[idOrEmail].GetAsync(cancellationToken: cancellationToken);
            }
            catch (OnePassword.Users.Runtime.NotFoundException)
            {
                return null;
            }
        }

        await foreach (User user in users.Accounts[accountId].Users.ListAllAsync(pageSize: 1000, cancellationToken: cancellationToken))
        {
            if (string.Equals(user.Email, idOrEmail, StringComparison.OrdinalIgnoreCase))
            {
                return user;
            }
        }

        return null;
    }
}
