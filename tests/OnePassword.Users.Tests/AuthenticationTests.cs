using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using OnePassword.Users.Emulator;
using OnePassword.Users.Runtime;
using OnePassword.Users.Tests.Support;
using Shouldly;

namespace OnePassword.Users.Tests;

/// <summary>OAuth 2.0 client credentials wired from the spec, against the emulator over loopback.</summary>
public sealed class AuthenticationTests
{
    private const string KnownSecret = "s3cr3t-NEVER-PRINT-7f1c";

    private static Task<UsersApiEmulator> StartAsync(TimeProvider? clock = null, string? secret = null) =>
        UsersApiEmulator.StartAsync(new EmulatorOptions
        {
            Seed = EmulatorClients.Members(5),
            RateLimitingEnabled = false,
            TimeProvider = clock ?? TimeProvider.System,
            DefaultClientSecret = secret,
        });

    [Fact]
    public async Task Three_lines_get_a_token_once_and_call_the_API_with_it()
    {
        await using var emulator = await StartAsync();
        await using var client = EmulatorClients.Create(emulator);

        var users = await client.Accounts[emulator.DefaultAccountId].Users.ListAllAsync().ToListAsync();
        await client.Accounts[emulator.DefaultAccountId].Users[users[1].Id].GetAsync();

        users.Count.ShouldBe(6);
        emulator.Statistics.TokenRequests.ShouldBe(1);
        emulator.State.Tokens.ShouldHaveSingleItem().ClientId.ShouldBe(emulator.DefaultClient.ClientId);
    }

    [Fact]
    public async Task Two_hundred_concurrent_calls_on_a_cold_start_make_exactly_one_token_request()
    {
        await using var emulator = await StartAsync();
        await using var client = EmulatorClients.Create(emulator);
        var user = client.Accounts[emulator.DefaultAccountId].Users;

        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => user.GetAsync(q => q.QueryParameters.MaxPageSize = 1))));

        emulator.Statistics.TokenRequests.ShouldBe(1);
        emulator.Statistics.RequestsFor(EmulatorOperation.ListUsers).ShouldBe(200);
    }

    [Fact]
    public async Task The_token_is_refreshed_before_it_expires()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var emulator = await StartAsync(clock);
        await using var client = EmulatorClients.Create(emulator, o => o.TimeProvider = clock);
        var users = client.Accounts[emulator.DefaultAccountId].Users;

        await users.GetAsync();
        clock.Advance(TimeSpan.FromSeconds(890)); // past any refresh point (80% ± 5% of 900 s), before expiry
        await users.GetAsync();
        await WaitUntilAsync(() => emulator.Statistics.TokensIssued == 2);
        // The first token has expired now (901 s of 900). The step stays under the token request's
        // 15 s attempt limit: the refresh may still be reading its answer, and a longer jump would
        // time it out on this clock and leave its retry waiting on a clock nobody advances.
        clock.Advance(TimeSpan.FromSeconds(11));
        await users.GetAsync();

        emulator.Statistics.TokensIssued.ShouldBe(2);
        emulator.Statistics.RequestsFor(EmulatorOperation.ListUsers).ShouldBe(3);
    }

    [Fact]
    public async Task A_401_drops_the_token_gets_a_new_one_and_replays_once()
    {
        await using var emulator = await StartAsync();
        await using var client = EmulatorClients.Create(emulator);
        var users = client.Accounts[emulator.DefaultAccountId].Users;
        await users.GetAsync();

        // Revoke the live token behind the client's back, as an admin rotating credentials would.
        using (var http = new HttpClient())
        {
            using var revoke = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseUrl, "v1beta1/users/oauth2/revoke"))
            {
                Content = new FormUrlEncodedContent([new("token", emulator.State.Tokens.Single().AccessToken)]),
            };
            revoke.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{emulator.DefaultClient.ClientId}:{emulator.DefaultClient.ClientSecret}")));
            (await http.SendAsync(revoke)).EnsureSuccessStatusCode();
        }

        var page = await users.GetAsync();

        page.Results.ShouldNotBeNull().ShouldNotBeEmpty();
        emulator.Statistics.TokensIssued.ShouldBe(2);
        emulator.Statistics.RequestsFor(EmulatorOperation.ListUsers).ShouldBe(3, "the first call, the rejected one, and its replay");
    }

    [Fact]
    public async Task A_second_401_surfaces_as_an_UnauthenticatedException()
    {
        await using var emulator = await StartAsync();
        using var transport = new TamperingHandler();
        await using var client = EmulatorClients.Create(emulator, o => o.Transport = transport);

        var exception = await Should.ThrowAsync<UnauthenticatedException>(() => client.Accounts[emulator.DefaultAccountId].Users.GetAsync());

        exception.ResponseStatusCode.ShouldBe(401);
        exception.RpcCode.ShouldBe(16);
        emulator.Statistics.TokensIssued.ShouldBe(2, "one token, then one more after the first 401, and no third");
    }

    [Fact]
    public async Task Wrong_credentials_surface_as_a_typed_OAuth_error_without_the_secret()
    {
        await using var emulator = await StartAsync();
        await using var client = EmulatorClients.Create(emulator, o => o.ClientSecret = KnownSecret);

        var exception = await Should.ThrowAsync<OAuthTokenException>(() => client.Accounts[emulator.DefaultAccountId].Users.GetAsync());

        exception.Error.ShouldBe("invalid_client");
        exception.StatusCode.ShouldBe(401);
        exception.ToString().ShouldNotContain(KnownSecret);
        (exception.RawBody ?? string.Empty).ShouldNotContain(KnownSecret);
    }

    [Fact]
    public async Task Disposing_the_client_revokes_its_token()
    {
        await using var emulator = await StartAsync();
        var client = EmulatorClients.Create(emulator);
        await client.Accounts[emulator.DefaultAccountId].Users.GetAsync();
        var token = emulator.State.Tokens.Single().AccessToken;

        await client.DisposeAsync();

        emulator.Statistics.TokensRevoked.ShouldBe(1);
        emulator.State.IsTokenActive(token).ShouldBeFalse();
    }

    [Fact]
    public async Task Disposing_never_throws_when_the_server_is_gone()
    {
        var emulator = await StartAsync();
        var client = EmulatorClients.Create(emulator);
        await client.Accounts[emulator.DefaultAccountId].Users.GetAsync();
        await emulator.DisposeAsync();

        await Should.NotThrowAsync(async () => await client.DisposeAsync());
    }

    [Fact]
    public async Task The_token_never_goes_to_a_host_outside_the_spec_and_the_configured_base_url()
    {
        await using var emulator = await StartAsync();
        await using var other = await RecordingServer.StartAsync();
        other.Respond = _ => (200, "{}", "application/json");
        await using var client = EmulatorClients.Create(emulator);
        await client.Accounts[emulator.DefaultAccountId].Users.GetAsync();

        await client.Accounts[emulator.DefaultAccountId].Users.WithUrl(other.BaseUrl + "v1beta1/accounts/A/users").GetAsync();

        other.Requests.ShouldHaveSingleItem().Headers.Keys.ShouldNotContain("Authorization");
    }

    [Fact]
    public async Task Missing_credentials_are_named_in_the_exception()
    {
        await using var emulator = await StartAsync();

        Should.Throw<ArgumentException>(() => EmulatorClients.Create(emulator, o => o.ClientId = null)).Message.ShouldContain("ClientId");
        Should.Throw<ArgumentException>(() => EmulatorClients.Create(emulator, o => o.ClientSecret = "")).Message.ShouldContain("ClientSecret");
        Should.Throw<ArgumentException>(() => UsersApiClient.Create(new() { ClientId = "a", ClientSecret = "b", BaseUrl = new Uri("http://example.test") })).Message.ShouldContain("plain HTTP");
        Should.Throw<ArgumentException>(() => UsersApiClient.Create(new() { ClientId = "a", ClientSecret = "b", Region = "1password.de" })).Message.ShouldContain("1password.de");
    }

    [Fact]
    public void Options_never_print_the_secret()
    {
        var options = new ApiClientOptions { ClientId = "id", ClientSecret = KnownSecret };

        options.ToString().ShouldNotContain(KnownSecret);
        options.ToString().ShouldContain("id");
    }

    [Theory]
    [InlineData("1password.com", "https://api.1password.com")]
    [InlineData("1password.ca", "https://api.1password.ca")]
    [InlineData("1password.eu", "https://api.1password.eu")]
    public void A_region_selects_the_server_from_the_spec(string region, string expected)
    {
        using var client = UsersApiClient.Create(new() { ClientId = "a", ClientSecret = "b", Region = region });

        client.Accounts["A"].Users.ToGetRequestInformation().URI.GetLeftPart(UriPartial.Authority).ShouldBe(expected);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }
    }

    /// <summary>A transport that spoils the bearer token of API calls, so every API call is refused.</summary>
    private sealed class TamperingHandler : DelegatingHandler
    {
        public TamperingHandler() : base(new SocketsHttpHandler { AllowAutoRedirect = false })
        {
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.Authorization is { Scheme: "Bearer" })
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "spoiled");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
