using System.Net;
using OnePassword.Users.Emulator.Tests.TestSupport;

namespace OnePassword.Users.Emulator.Tests;

public sealed class EmulatorApiTests
{
    [Fact]
    public void A_client_never_prints_its_secret()
    {
        var client = new EmulatorClient("client-id", "super-secret-value", "ACCOUNT", EmulatorPermissions.ListUsers);

        client.ToString().ShouldNotContain("super-secret-value");
        client.ToString().ShouldContain("client-id");
    }

    [Fact]
    public async Task The_emulator_listens_on_loopback_with_the_configured_identity()
    {
        await using var emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions
        {
            DefaultAccountId = "MYACCOUNT",
            DefaultClientId = "my-client",
            DefaultClientSecret = "my-secret",
            Seed = new EmulatorSeed([]),
        });

        emulator.BaseUrl.Host.ShouldBe("127.0.0.1");
        emulator.BaseUrl.Port.ShouldBeGreaterThan(0);
        emulator.BaseUrl.AbsolutePath.ShouldBe("/");
        emulator.DefaultAccountId.ShouldBe("MYACCOUNT");
        emulator.DefaultClient.ShouldBe(new EmulatorClient("my-client", "my-secret", "MYACCOUNT", EmulatorPermissions.All));
        emulator.State.Clients.ShouldBe([emulator.DefaultClient]);
    }

    [Fact]
    public async Task Generated_credentials_differ_between_instances()
    {
        await using var first = await UsersApiEmulator.StartAsync();
        await using var second = await UsersApiEmulator.StartAsync();

        first.DefaultClient.ClientId.ShouldNotBe(second.DefaultClient.ClientId);
        first.DefaultClient.ClientSecret.ShouldNotBe(second.DefaultClient.ClientSecret);
        first.BaseUrl.ShouldNotBe(second.BaseUrl);
    }

    [Fact]
    public async Task Disposing_frees_the_port()
    {
        var emulator = await UsersApiEmulator.StartAsync();
        var baseUrl = emulator.BaseUrl;
        await emulator.DisposeAsync();

        using var http = new HttpClient { BaseAddress = baseUrl };
        await Should.ThrowAsync<HttpRequestException>(() => http.GetAsync("/v1beta1/users/oauth2/token"));
    }

    [Fact]
    public async Task Invalid_options_are_refused_before_starting()
    {
        await Should.ThrowAsync<ArgumentException>(() => UsersApiEmulator.StartAsync(new EmulatorOptions { RateLimits = [new RateLimitRule(0, TimeSpan.FromMinutes(1))] }));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => UsersApiEmulator.StartAsync(new EmulatorOptions { TokenLifetime = TimeSpan.Zero }));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => UsersApiEmulator.StartAsync(new EmulatorOptions { Port = 70000 }));
    }

    [Fact]
    public async Task Adding_a_client_for_an_unknown_account_explains_what_to_do()
    {
        await using var emulator = await UsersApiEmulator.StartAsync();

        Should.Throw<KeyNotFoundException>(() => emulator.AddClient("NOSUCHACCOUNT", EmulatorPermissions.All)).Message.ShouldContain("AddAccount");
    }

    [Fact]
    public async Task Statistics_count_each_operation_and_reset()
    {
        await using var emulator = await UsersApiEmulator.StartAsync();
        using var api = new ApiClient(emulator);
        var client = emulator.DefaultClient;
        var token = await api.TokenAsync(client);
        var member = emulator.State.ListUsers(emulator.DefaultAccountId).First(user => user.Role == UserRole.Member);

        using (await api.ListAsync(token))
        using (await api.GetAsync(token, member.Id))
        using (await api.SuspendAsync(token, member.Id))
        using (await api.ReactivateAsync(token, member.Id))
        using (await api.ReactivateAsync(token, member.Id))
        using (await api.PostRevokeAsync(ApiClient.Basic(client.ClientId, client.ClientSecret), ("token", token)))
        using (await api.SendAsync(HttpMethod.Get, "/nowhere", null))
        {
        }

        var statistics = emulator.Statistics;
        statistics.TokenRequests.ShouldBe(1);
        statistics.TokensIssued.ShouldBe(1);
        statistics.RequestsFor(EmulatorOperation.ListUsers).ShouldBe(1);
        statistics.RequestsFor(EmulatorOperation.GetUser).ShouldBe(1);
        statistics.RequestsFor(EmulatorOperation.SuspendUser).ShouldBe(1);
        statistics.RequestsFor(EmulatorOperation.ReactivateUser).ShouldBe(2);
        statistics.RevocationRequests.ShouldBe(1);
        statistics.TokensRevoked.ShouldBe(1);
        statistics.UnmatchedRequests.ShouldBe(1);
        statistics.TotalRequests.ShouldBe(7);

        statistics.Reset();

        statistics.TotalRequests.ShouldBe(0);
        statistics.TokensIssued.ShouldBe(0);
        statistics.UnmatchedRequests.ShouldBe(0);
        using var afterReset = await api.ListAsync(await api.TokenAsync(client));
        afterReset.StatusCode.ShouldBe(HttpStatusCode.OK);
        statistics.RequestsFor(EmulatorOperation.ListUsers).ShouldBe(1);
    }
}
