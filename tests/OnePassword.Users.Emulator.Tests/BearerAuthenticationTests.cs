using System.Net;
using Microsoft.Extensions.Time.Testing;
using OnePassword.Users.Emulator.Tests.TestSupport;

namespace OnePassword.Users.Emulator.Tests;

public sealed class BearerAuthenticationTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    [InlineData("")]
    public async Task Missing_or_unknown_bearer_tokens_are_unauthenticated(string? token)
    {
        await using var emulator = await UsersApiEmulator.StartAsync();
        using var api = new ApiClient(emulator);
        var userId = emulator.State.ListUsers(emulator.DefaultAccountId)[0].Id;

        foreach (var response in new[]
        {
            await api.SendAsync(HttpMethod.Get, api.UsersPath, token),
            await api.SendAsync(HttpMethod.Get, $"{api.UsersPath}/{userId}", token),
            await api.SendAsync(HttpMethod.Post, $"{api.UsersPath}/{userId}:suspend", token),
            await api.SendAsync(HttpMethod.Post, $"{api.UsersPath}/{userId}:reactivate", token),
        })
        {
            using (response)
            {
                await response.ShouldBeStatusAsync(HttpStatusCode.Unauthorized, 16);
            }
        }

        emulator.State.CountUsers(emulator.DefaultAccountId, UserState.Suspended).ShouldBe(29);
    }

    [Fact]
    public async Task A_token_works_until_its_lifetime_passes_on_the_emulators_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock });
        using var api = new ApiClient(emulator);
        var token = await api.TokenAsync(emulator.DefaultClient);

        clock.Advance(TimeSpan.FromSeconds(899));
        using (var stillValid = await api.ListAsync(token))
        {
            stillValid.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        using var expired = await api.ListAsync(token);

        await expired.ShouldBeStatusAsync(HttpStatusCode.Unauthorized, 16);
        emulator.State.CountActiveTokens().ShouldBe(0);
        emulator.State.CountTokens().ShouldBe(1);
    }

    [Fact]
    public async Task A_token_is_refused_for_another_account_with_permission_denied()
    {
        await using var emulator = await UsersApiEmulator.StartAsync();
        emulator.State.AddAccount("OTHERACCOUNT");
        var stranger = emulator.State.AddUser("OTHERACCOUNT", "someone@example.org", "Someone Else");
        using var api = new ApiClient(emulator);
        using var otherAccount = new ApiClient(emulator.BaseUrl, "OTHERACCOUNT");
        using var missingAccount = new ApiClient(emulator.BaseUrl, "NOSUCHACCOUNT");
        var token = await api.TokenAsync(emulator.DefaultClient);

        using var list = await otherAccount.ListAsync(token);
        using var suspend = await otherAccount.SuspendAsync(token, stranger.Id);
        using var missing = await missingAccount.ListAsync(token);

        await list.ShouldBeStatusAsync(HttpStatusCode.Forbidden, 7);
        await suspend.ShouldBeStatusAsync(HttpStatusCode.Forbidden, 7);
        await missing.ShouldBeStatusAsync(HttpStatusCode.Forbidden, 7);
        emulator.State.GetUser("OTHERACCOUNT", stranger.Id)!.State.ShouldBe(UserState.Active);
    }

    [Fact]
    public async Task A_client_of_another_account_reaches_only_that_account()
    {
        await using var emulator = await UsersApiEmulator.StartAsync();
        emulator.State.AddAccount("OTHERACCOUNT");
        emulator.State.AddUser("OTHERACCOUNT", "someone@example.org", "Someone Else");
        var otherClient = emulator.AddClient("OTHERACCOUNT", EmulatorPermissions.All);
        using var api = new ApiClient(emulator.BaseUrl, "OTHERACCOUNT");
        var token = await api.TokenAsync(otherClient);

        using var response = await api.ListAsync(token);

        (await response.PageAsync()).Ids.Count.ShouldBe(1);
    }
}
