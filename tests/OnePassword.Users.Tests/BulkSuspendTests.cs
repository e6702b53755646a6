using OnePassword.Users.Emulator;
using OnePassword.Users.Runtime;
using OnePassword.Users.Tests.Support;
using Shouldly;
using EmulatorRule = OnePassword.Users.Emulator.RateLimitRule;
using RuntimeRule = OnePassword.Users.Runtime.RateLimitRule;

namespace OnePassword.Users.Tests;

/// <summary>
/// A partner's incident job: suspend 300 users against the emulator's real rate limiter with
/// injected 503s. The limits are scaled from 100/min to 100 per 2 s so the test runs in seconds.
/// </summary>
public sealed class BulkSuspendTests
{
    [Fact]
    public async Task Suspending_300_users_with_10_percent_503s_loses_nothing_and_meets_no_429()
    {
        var window = TimeSpan.FromSeconds(2);
        await using var emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions
        {
            Seed = EmulatorClients.Members(300),
            RateLimits = [new EmulatorRule(100, window)],
            RandomSeed = 7,
        });
        emulator.Faults.ErrorRate = 0.10;
        emulator.Faults.ErrorStatusCodes = [503];
        var options = EmulatorClients.Options(emulator);
        // A 429 can only come when a request reaches the server more than the margin later than
        // its permit was granted, relative to the request 100 permits later. The default 1 s
        // margin covers network latency; on a 2-core CI machine that builds and runs other test
        // projects beside this one, the first burst of 100 connections has lagged by more than 1 s
        // (12 responses of 429 in one run), so this test allows 2 s for the machine's stalls.
        options.RateLimit = new RateLimitOptions { Rules = [new RuntimeRule(100, window)], SafetyMargin = TimeSpan.FromSeconds(2) };
        options.Retry = new RetryOptions { MaxRetries = 8, BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(200) };
        await using var client = UsersApiClient.Create(options);
        var users = client.Accounts[emulator.DefaultAccountId].Users;
        var targets = emulator.State.ListUsers(emulator.DefaultAccountId).Where(u => u.Role == UserRole.Member).Select(u => u.Id).ToList();

        var results = await Task.WhenAll(targets.Select(id => users[id].Suspend.PostAsync()));

        results.ShouldAllBe(user => user.State == Models.UserState.Suspended);
        emulator.State.CountUsers(emulator.DefaultAccountId, Emulator.UserState.Suspended).ShouldBe(300);
        emulator.Statistics.RateLimitedResponses.ShouldBe(0);
        emulator.Statistics.InjectedErrors.ShouldBeGreaterThan(10);
        emulator.Statistics.RequestsFor(EmulatorOperation.SuspendUser).ShouldBe(300 + emulator.Statistics.InjectedErrors);
    }

    [Fact]
    public async Task When_retries_run_out_the_last_response_surfaces_as_its_typed_exception()
    {
        await using var emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions { Seed = EmulatorClients.Members(1), RateLimitingEnabled = false });
        emulator.Faults.ErrorRate = 1.0;
        emulator.Faults.ErrorStatusCodes = [503];
        await using var client = EmulatorClients.Create(emulator, o => o.Retry = new RetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(5) });

        var exception = await Should.ThrowAsync<ServerErrorException>(() => client.Accounts[emulator.DefaultAccountId].Users.GetAsync());

        exception.ResponseStatusCode.ShouldBe(503);
        exception.RpcCode.ShouldBe(14);
        emulator.Statistics.RequestsFor(EmulatorOperation.ListUsers).ShouldBe(3);
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_cap_throws_RateLimitedException_instead_of_waiting()
    {
        await using var emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions
        {
            Seed = EmulatorClients.Members(1),
            RateLimits = [new EmulatorRule(1, TimeSpan.FromHours(1))],
            RetryAfterFormat = RetryAfterFormat.HttpDate,
        });
        await using var client = EmulatorClients.Create(emulator, o => o.Retry = new RetryOptions { MaxRetryAfter = TimeSpan.FromSeconds(30) });
        var users = client.Accounts[emulator.DefaultAccountId].Users;
        await users.GetAsync();

        var exception = await Should.ThrowAsync<RateLimitedException>(() => users.GetAsync());

        exception.ResponseStatusCode.ShouldBe(429);
        exception.RetryAfter.ShouldNotBeNull().ShouldBeInRange(TimeSpan.FromMinutes(58), TimeSpan.FromMinutes(61));
        emulator.Statistics.RateLimitedResponses.ShouldBe(1);
    }
}
