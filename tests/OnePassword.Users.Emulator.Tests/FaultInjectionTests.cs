using System.Diagnostics;
using System.Net;
using OnePassword.Users.Emulator.Tests.TestSupport;

namespace OnePassword.Users.Emulator.Tests;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task An_error_rate_of_one_fails_every_users_call_with_503_and_changes_no_state()
    {
        await using var emulator = await UsersApiEmulator.StartAsync();
        using var api = new ApiClient(emulator);
        var token = await api.TokenAsync(emulator.DefaultClient);
        var member = emulator.State.ListUsers(emulator.DefaultAccountId).First(user => user.Role == UserRole.Member && user.State == UserState.Active);
        emulator.Faults.ErrorRate = 1.0;

        using var list = await api.ListAsync(token);
        using var get = await api.GetAsync(token, member.Id);
        using var suspend = await api.SuspendAsync(token, member.Id);

        await list.ShouldBeStatusAsync(HttpStatusCode.ServiceUnavailable, 14);
        await get.ShouldBeStatusAsync(HttpStatusCode.ServiceUnavailable, 14);
        await suspend.ShouldBeStatusAsync(HttpStatusCode.ServiceUnavailable, 14);
        emulator.State.GetUser(emulator.DefaultAccountId, member.Id)!.State.ShouldBe(UserState.Active);
        emulator.Statistics.InjectedErrors.ShouldBe(3);
        emulator.Statistics.InjectedFaults.ShouldBe(3);

        // Faults stay out of the OAuth endpoints, so a client can always get a token.
        (await api.TokenAsync(emulator.DefaultClient)).ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Injected_500s_carry_the_internal_code()
    {
        await using var emulator = await UsersApiEmulator.StartAsync();
        using var api = new ApiClient(emulator);
        var token = await api.TokenAsync(emulator.DefaultClient);
        emulator.Faults.ErrorRate = 1.0;
        emulator.Faults.ErrorStatusCodes = [500];

        using var response = await api.ListAsync(token);

        await response.ShouldBeStatusAsync(HttpStatusCode.InternalServerError, 13);
    }

    [Fact]
    public async Task Only_500_and_503_and_rates_between_zero_and_one_can_be_injected()
    {
        await using var emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions { Seed = new EmulatorSeed([]) });

        Should.Throw<ArgumentException>(() => emulator.Faults.ErrorStatusCodes = [502]);
        Should.Throw<ArgumentException>(() => emulator.Faults.ErrorStatusCodes = []);
        Should.Throw<ArgumentOutOfRangeException>(() => emulator.Faults.ErrorRate = 1.5);
        Should.Throw<ArgumentOutOfRangeException>(() => emulator.Faults.DropConnectionRate = -0.1);
        emulator.Faults.ErrorStatusCodes.ShouldBe([503]);
    }

    [Fact]
    public async Task A_seeded_error_rate_of_one_tenth_fails_about_one_call_in_ten_and_repeats_exactly()
    {
        var first = await CountInjectedErrorsAsync(randomSeed: 42, calls: 500);
        var second = await CountInjectedErrorsAsync(randomSeed: 42, calls: 500);

        // 500 draws at p = 0.1: mean 50, standard deviation about 6.7; 25..75 is beyond 3.5 sigma.
        first.ShouldBeInRange(25, 75);
        second.ShouldBe(first);
    }

    [Fact]
    public async Task A_dropped_connection_surfaces_as_an_HttpRequestException_and_is_counted()
    {
        await using var emulator = await UsersApiEmulator.StartAsync();
        using var api = new ApiClient(emulator);
        var token = await api.TokenAsync(emulator.DefaultClient);
        var member = emulator.State.ListUsers(emulator.DefaultAccountId).First(user => user.Role == UserRole.Member && user.State == UserState.Active);
        emulator.Faults.DropConnectionRate = 1.0;

        await Should.ThrowAsync<HttpRequestException>(() => api.SuspendAsync(token, member.Id));

        emulator.Statistics.DroppedConnections.ShouldBe(1);
        emulator.State.GetUser(emulator.DefaultAccountId, member.Id)!.State.ShouldBe(UserState.Active);
        emulator.Faults.Reset();
        using var recovered = await api.ListAsync(token);
        recovered.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Latency_delays_the_answer()
    {
        await using var emulator = await UsersApiEmulator.StartAsync();
        using var api = new ApiClient(emulator);
        var token = await api.TokenAsync(emulator.DefaultClient);
        emulator.Faults.Latency = TimeSpan.FromMilliseconds(300);

        var stopwatch = Stopwatch.StartNew();
        using var response = await api.ListAsync(token);
        stopwatch.Stop();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        stopwatch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(290));
    }

    [Fact]
    public async Task A_client_that_gives_up_during_latency_leaves_the_state_unchanged()
    {
        await using var emulator = await UsersApiEmulator.StartAsync();
        using var api = new ApiClient(emulator);
        var token = await api.TokenAsync(emulator.DefaultClient);
        var member = emulator.State.ListUsers(emulator.DefaultAccountId).First(user => user.Role == UserRole.Member && user.State == UserState.Active);
        emulator.Faults.Latency = TimeSpan.FromSeconds(30);

        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var stopwatch = Stopwatch.StartNew();
        await Should.ThrowAsync<OperationCanceledException>(() =>
            api.SendAsync(HttpMethod.Post, $"{api.UsersPath}/{member.Id}:suspend", token, giveUp.Token));

        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        emulator.Faults.Latency = TimeSpan.Zero;
        using var after = await api.GetAsync(token, member.Id);
        (await after.JsonAsync()).GetProperty("state").GetString().ShouldBe("ACTIVE");
    }

    private static async Task<int> CountInjectedErrorsAsync(int randomSeed, int calls)
    {
        await using var emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions { RandomSeed = randomSeed, RateLimitingEnabled = false });
        using var api = new ApiClient(emulator);
        var token = await api.TokenAsync(emulator.DefaultClient);
        emulator.Faults.ErrorRate = 0.1;

        var failures = 0;
        for (var i = 0; i < calls; i++)
        {
            using var response = await api.ListAsync(token, "?max_page_size=1");
            failures += response.StatusCode == HttpStatusCode.ServiceUnavailable ? 1 : 0;
        }

        emulator.Statistics.InjectedErrors.ShouldBe(failures);
        return failures;
    }
}
