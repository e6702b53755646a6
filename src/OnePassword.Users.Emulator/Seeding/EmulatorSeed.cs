using OnePassword.Users.Emulator.Seeding;

namespace OnePassword.Users.Emulator;

/// <summary>The accounts and users an emulator starts with.</summary>
public sealed class EmulatorSeed
{
    /// <summary>Creates a seed from users and, optionally, extra (possibly empty) accounts.</summary>
    /// <param name="users">The users; those without an account go to the emulator's default account.</param>
    /// <param name="accountIds">Accounts to create even when no user names them.</param>
    public EmulatorSeed(IEnumerable<SeedUser> users, IEnumerable<string>? accountIds = null)
    {
        ArgumentNullException.ThrowIfNull(users);
        Users = [.. users];
        AccountIds = [.. accountIds ?? []];
    }

    /// <summary>Accounts to create even when no user names them.</summary>
    public IReadOnlyList<string> AccountIds { get; }

    /// <summary>The users to add, in this order.</summary>
    public IReadOnlyList<SeedUser> Users { get; }

    /// <summary>
    /// Reads a JSON seed: <c>{"accounts":["ID"],"users":[{"email":"...","display_name":"...","role":"owner|admin|member",
    /// "state":"active|suspended","externally_managed":false,"create_time":"2024-01-15T10:30:00Z","account_id":"...","id":"..."}]}</c>.
    /// Only <c>email</c> is required.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <exception cref="FormatException">The JSON is malformed or a user has a wrong value; the message names the user's index.</exception>
    public static EmulatorSeed FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSeedReader.Read(json);
    }

    /// <summary>
    /// Reads a CSV seed with a header row <c>email,display_name,role,state</c>, optionally followed by
    /// <c>account_id</c>, <c>id</c>, <c>externally_managed</c> and <c>create_time</c> in any order.
    /// </summary>
    /// <param name="csv">The CSV text.</param>
    /// <exception cref="FormatException">The header or a row is wrong; the message names the line.</exception>
    public static EmulatorSeed FromCsv(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return CsvSeedReader.Read(csv);
    }

    /// <summary>
    /// A deterministic, realistic account: 2 owners, 10 admins (2 of them externally managed), the
    /// rest members of whom every tenth is suspended. Ids are 26 upper-case base32 characters and
    /// emails look like <c>first.last@example.com</c>; the same arguments always give the same users.
    /// </summary>
    /// <param name="accountId">The account the users belong to.</param>
    /// <param name="userCount">How many users to create.</param>
    public static EmulatorSeed Demo(string accountId, int userCount = 300)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentOutOfRangeException.ThrowIfNegative(userCount);
        return new EmulatorSeed(DemoUsers.Create(accountId, userCount), [accountId]);
    }

    internal void ApplyTo(EmulatorState state, string defaultAccountId, DateTimeOffset now)
    {
        foreach (var accountId in AccountIds)
        {
            state.AddAccount(accountId);
        }

        foreach (var user in Users)
        {
            var accountId = user.AccountId ?? defaultAccountId;
            state.AddAccount(accountId);
            state.AddUser(accountId, user.Email, user.DisplayName, user.Role, user.State, user.ExternallyManaged, user.CreateTime ?? now, user.Id);
        }
    }
}
