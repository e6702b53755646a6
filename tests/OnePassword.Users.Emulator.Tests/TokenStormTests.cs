using System.Net;
using Microsoft.Extensions.Time.Testing;
using OnePassword.Users.Emulator.Tests.TestSupport;

namespace OnePassword.Users.Emulator.Tests;

/// <summary>The emulator's token store stays bounded under a storm of token requests.</summary>
public sealed class TokenStormTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task A_client_holds_at_most_its_cap_of_tokens_and_the_oldest_stops_working()
    {
        await using var emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions { MaxTokensPerClient = 50, RateLimitingEnabled = false });
        using var api = new ApiClient(emulator);

        string first = await api.TokenAsync(emulator.DefaultClient);
        string last = first;
        for (int i = 0; i < 300; i++)
        {
            last = await api.TokenAsync(emulator.DefaultClient);
        }

        emulator.State.CountTokens().ShouldBe(50);
        using (var refused = await api.GetAsync(first, "ANYUSER"))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        emulator.State.IsTokenActive(last).ShouldBeTrue();
    }

    [Fact]
    public void Expired_tokens_are_forgotten_as_new_ones_are_issued()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var state = new EmulatorState(clock, maxTokensPerClient: 100_000);
        state.AddAccount("ACCOUNT");
        var client = state.AddClient(new EmulatorClient("storm-client", "storm-secret", "ACCOUNT", EmulatorPermissions.All));

        for (int i = 0; i < 10_000; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            state.IssueToken(client, TimeSpan.FromMinutes(15));
        }

        // Tokens live 900 s and one is issued a second, so about 900 are live at any time; the
        // sweep, which runs when the store has doubled, keeps the store within twice that.
        output.WriteLine($"after 10,000 tokens at one a second: {state.CountActiveTokens()} live, {state.CountTokens()} held");
        state.CountActiveTokens().ShouldBe(900);
        state.CountTokens().ShouldBeLessThanOrEqualTo(2 * 1024);
    }
}
