using OnePassword.Users.Accounts.Item.Users;
using OnePassword.Users.Emulator;

namespace OnePassword.Users.Tests.Support;

/// <summary>An emulator with a client on its default account, disposed together.</summary>
internal sealed class EmulatorSession : IAsyncDisposable
{
    private EmulatorSession(UsersApiEmulator emulator, UsersApiClient client)
    {
        Emulator = emulator;
        Client = client;
    }

    public UsersApiEmulator Emulator { get; }

    public UsersApiClient Client { get; }

    public UsersRequestBuilder Users => Client.Accounts[Emulator.DefaultAccountId].Users;

    public IReadOnlyList<string> AllIds => [.. Emulator.State.ListUsers(Emulator.DefaultAccountId).Select(u => u.Id)];

    public static async Task<EmulatorSession> StartAsync(EmulatorSeed seed)
    {
        var emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions { Seed = seed, RateLimitingEnabled = false });
        return new EmulatorSession(emulator, EmulatorClients.Create(emulator));
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
