using OnePassword.Users.Emulator;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Tests.Support;

/// <summary>SDK clients created the way users create them, pointed at an emulator.</summary>
internal static class EmulatorClients
{
    /// <summary>Options for the emulator's default client; tests adjust what they need.</summary>
    public static ApiClientOptions Options(UsersApiEmulator emulator, EmulatorClient? client = null) => new()
    {
        ClientId = (client ?? emulator.DefaultClient).ClientId,
        ClientSecret = (client ?? emulator.DefaultClient).ClientSecret,
        BaseUrl = emulator.BaseUrl,
        // Each test has its own emulator, so it gets its own limiter budget too.
        RateLimit = new RateLimitOptions { Enabled = false },
        Retry = new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(100) },
    };

    public static UsersApiClient Create(UsersApiEmulator emulator, Action<ApiClientOptions>? configure = null)
    {
        var options = Options(emulator);
        configure?.Invoke(options);
        return UsersApiClient.Create(options);
    }

    /// <summary>A seed of <paramref name="count"/> members with ordered creation times, plus one owner first.</summary>
    public static EmulatorSeed Members(int count, int suspendedEvery = 0)
    {
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var users = Enumerable.Range(0, count).Select(i => new SeedUser(
            $"member{i:D4}@example.com",
            $"Member {i}",
            State: suspendedEvery > 0 && i % suspendedEvery == 0 ? Emulator.UserState.Suspended : Emulator.UserState.Active,
            CreateTime: start.AddMinutes(i + 1)));
        return new EmulatorSeed(users.Prepend(new SeedUser("owner@example.com", "Owner", UserRole.Owner, CreateTime: start)));
    }
}
