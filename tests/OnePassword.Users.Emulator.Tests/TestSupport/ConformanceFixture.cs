namespace OnePassword.Users.Emulator.Tests.TestSupport;

/// <summary>
/// An emulator behind a validating Prism proxy. Rate limits are 40 a minute so a test can reach a
/// 429 with few calls; each test that counts requests uses its own client, since limits are per client.
/// </summary>
public sealed class ConformanceFixture : IAsyncLifetime
{
    public const int MinuteLimit = 40;

    public UsersApiEmulator Emulator { get; private set; } = null!;

    private PrismProxy? _prism;

    internal PrismProxy Prism => _prism ?? throw new InvalidOperationException("Prism has not started.");

    public async Task InitializeAsync()
    {
        Emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions
        {
            RateLimits = [new RateLimitRule(MinuteLimit, TimeSpan.FromMinutes(1))],
        });
        try
        {
            _prism = await PrismProxy.StartAsync(Path.Combine(AppContext.BaseDirectory, "spec", "users-api.yaml"), Emulator.BaseUrl);
        }
        catch
        {
            await Emulator.DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_prism is not null)
        {
            await _prism.DisposeAsync();
        }

        await Emulator.DisposeAsync();
    }
}
