using OnePassword.Users.Accounts.Item.Users;
using OnePassword.Users.Accounts.Item.Users.Item;

namespace OnePassword.Users.Cli.Commands;

/// <summary>Addresses one user, turning the SDK's refusal of an unusable id into a usage error.</summary>
internal static class UserIdArgument
{
    public static UsersItemRequestBuilder Address(UsersRequestBuilder users, string userId)
    {
        try
        {
            return users[userId];
        }
        catch (ArgumentException invalid)
        {
            throw new UsageException($"'{userId}' is not a usable user id: {invalid.Message}", invalid);
        }
    }
}
