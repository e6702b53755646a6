namespace OnePassword.Users.Emulator.Tests.TestSupport;

/// <summary>
/// One emulator with the 300 demo users, shared by a test class whose tests do not change users.
/// Rate limiting is off so that the class's calls together never reach 100 a minute.
/// </summary>
public sealed class DefaultEmulatorFixture : IAsyncLifetime
{
    public UsersApiEmulator Emulator { get; private set; } = null!;

    public async Task InitializeAsync() => Emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions { RateLimitingEnabled = false });

    public async Task DisposeAsync() => await Emulator.DisposeAsync();
}
