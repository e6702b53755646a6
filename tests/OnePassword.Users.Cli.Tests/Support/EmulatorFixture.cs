using OnePassword.Users.Emulator;

namespace OnePassword.Users.Cli.Tests.Support;

/// <summary>
/// One emulator per test class with eleven known users: one owner (so suspending them is the
/// last-owner refusal), one admin, seven active members (one with a comma and quotes in the name,
/// for CSV quoting, one with a long email and a spreadsheet formula for a name) and two
/// suspended members. Tests in a class change disjoint users.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    /// <summary>The default client's secret, asserted never to appear in the tool's output.</summary>
    public const string Secret = "KnownSecret-7f3a9c2e-DO-NOT-PRINT";

    public const string Account = "CLITESTACCOUNT";

    private static readonly DateTimeOffset Start = new(2024, 1, 1, 9, 0, 0, TimeSpan.Zero);

    private UsersApiEmulator? _emulator;

    public static IReadOnlyList<SeedUser> Users { get; } =
    [
        new("owner@example.com", "Olivia Owner", UserRole.Owner),
        new("admin@example.com", "Adam Admin", UserRole.Admin),
        new("alice@example.com", "Alice Anders"),
        new("bob@example.com", "Bob Brown"),
        new("carol@example.com", "Carol Chen"),
        new("dave@example.com", "Dave Diaz"),
        new("erin@example.com", "Erin Evans"),
        new("frank@example.com", "Frank \"The Tank\", Fox"),
        new("sam@example.com", "Sam Stone", State: UserState.Suspended),
        new("sue@example.com", "Sue Sato", State: UserState.Suspended),
        new("mallory.long.address@example.com", "=HYPERLINK(\"http://evil.example\")"),
        new("grace@example.com", "Grace Gray"),
    ];

    public UsersApiEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator has not started.");

    /// <summary>The flags that point the tool at this emulator.</summary>
    public string[] ConnectionArgs =>
        ["--base-url", Emulator.BaseUrl.ToString(), "--client-id", Emulator.DefaultClient.ClientId, "--client-secret", Secret, "--account", Account];

    public async Task InitializeAsync()
    {
        var users = Users.Select((user, index) => user with { CreateTime = Start.AddHours(index) });
        _emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions
        {
            Seed = new EmulatorSeed(users),
            DefaultAccountId = Account,
            DefaultClientSecret = Secret,
        });
    }

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    /// <summary>Runs the tool against this emulator, appending the connection flags that <paramref name="args"/> does not set itself.</summary>
    internal Task<CliResult> RunAsync(params string[] args) => Tool.RunAsync(WithConnection(args));

    internal Task<CliResult> RunAsync(ToolRun run, params string[] args) => Tool.RunAsync(run, WithConnection(args));

    internal string[] WithConnection(string[] args)
    {
        var connection = ConnectionArgs;
        var all = new List<string>(args);
        for (var i = 0; i < connection.Length; i += 2)
        {
            if (!args.Contains(connection[i]))
            {
                all.Add(connection[i]);
                all.Add(connection[i + 1]);
            }
        }

        return [.. all];
    }

    public string IdOf(string email) => Emulator.State.ListUsers(Account).Single(user => user.Email == email).Id;

    public UserState StateOf(string email) => Emulator.State.ListUsers(Account).Single(user => user.Email == email).State;
}
