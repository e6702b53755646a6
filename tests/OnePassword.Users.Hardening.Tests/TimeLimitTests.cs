using System.Diagnostics;
using OnePassword.Users.Hardening.Tests.Support;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Hardening.Tests;

/// <summary>
/// The attempt timeout covers the body, a call has one deadline across retries, and a stuck token
/// request never blocks later callers. The bounds asserted are generous: they tell a bounded call
/// from one that hangs, not how fast anything is.
/// </summary>
public sealed class TimeLimitTests
{
    private const string Token = "time-token";
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_body_that_drips_is_cut_off_by_the_attempt_timeout()
    {
        await using var api = HostileServer.Start(HostileApi.WithTokens(Token, async exchange =>
        {
            await exchange.DripJsonAsync(HostileApi.UserJson(), TimeSpan.FromSeconds(1));
        }));
        await using var client = HostileApi.Create(api, options => options.Timeout = TimeSpan.FromSeconds(1));
        var stopwatch = Stopwatch.StartNew();

        var timeout = await Should.ThrowAsync<ApiTransportException>(() => client.Accounts[HostileApi.AccountId].Users[HostileApi.UserId].GetAsync());

        stopwatch.Elapsed.ShouldBeLessThan(Hang);
        timeout.Failure.ShouldBe(TransportFailure.Timeout);
        timeout.Message.ShouldBe($"GET {api.BaseAddress}v1beta1/accounts/ACCOUNT/users/USER: the attempt took longer than 1 s (ApiClientOptions.Timeout)");
    }

    [Fact]
    public async Task A_call_has_one_deadline_across_its_retries()
    {
        await using var api = HostileServer.Start(HostileApi.WithTokens(Token, exchange =>
            exchange.RespondAsync(503, """{"code":14,"message":"unavailable"}""", "application/json", ("Retry-After", "1"))));
        await using var client = HostileApi.Create(api, options =>
        {
            options.Retry = new RetryOptions { MaxRetries = 50 };
            options.CallTimeout = TimeSpan.FromSeconds(2);
        });

        var deadline = await Should.ThrowAsync<ApiTransportException>(() => client.Accounts[HostileApi.AccountId].Users[HostileApi.UserId].GetAsync());

        deadline.Failure.ShouldBe(TransportFailure.Timeout);
        deadline.Message.ShouldEndWith("the call took longer than its deadline of 2 s (ApiClientOptions.CallTimeout)");
        api.Requests.Count(request => request.Target == HostileApi.UserPath).ShouldBeInRange(1, 4);
    }

    [Fact]
    public async Task A_call_waiting_for_a_rate_limit_permit_ends_at_its_deadline()
    {
        await using var api = HostileServer.Start(HostileApi.WithTokens(Token, exchange => exchange.RespondAsync(200, HostileApi.UserJson())));
        await using var client = HostileApi.Create(api, options =>
        {
            options.RateLimit = new RateLimitOptions { Rules = [new RateLimitRule(1, TimeSpan.FromSeconds(30))] };
            options.CallTimeout = TimeSpan.FromSeconds(1);
        });
        var user = client.Accounts[HostileApi.AccountId].Users[HostileApi.UserId];
        await user.GetAsync();
        var stopwatch = Stopwatch.StartNew();

        var deadline = await Should.ThrowAsync<ApiTransportException>(() => user.GetAsync());

        stopwatch.Elapsed.ShouldBeLessThan(Hang, "the permit is 30 s away; the call may wait 1 s");
        deadline.Failure.ShouldBe(TransportFailure.Timeout);
        deadline.Message.ShouldEndWith("the call took longer than its deadline of 1 s (ApiClientOptions.CallTimeout)");
    }

    [Fact]
    public async Task A_call_waiting_for_its_token_ends_at_its_deadline()
    {
        await using var api = HostileServer.Start(async exchange =>
        {
            await exchange.DripJsonAsync(HostileApi.TokenJson(Token), TimeSpan.FromSeconds(1));
        });
        await using var client = HostileApi.Create(api, options =>
        {
            options.RateLimit = new RateLimitOptions { Rules = [new RateLimitRule(100, TimeSpan.FromMinutes(1))] };
            options.CallTimeout = TimeSpan.FromSeconds(1);
        });
        var stopwatch = Stopwatch.StartNew();

        var deadline = await Should.ThrowAsync<ApiTransportException>(() => client.Accounts[HostileApi.AccountId].Users[HostileApi.UserId].GetAsync());

        stopwatch.Elapsed.ShouldBeLessThan(Hang, "the token drips for a minute and more; the call may wait 1 s");
        deadline.Failure.ShouldBe(TransportFailure.Timeout);
        deadline.Message.ShouldEndWith("the call took longer than its deadline of 1 s (ApiClientOptions.CallTimeout)");
    }

    [Fact]
    public async Task A_deadline_shorter_than_the_attempt_timeout_ends_the_attempt()
    {
        await using var api = HostileServer.Start(HostileApi.WithTokens(Token, async exchange =>
        {
            await exchange.DripJsonAsync(HostileApi.UserJson(), TimeSpan.FromSeconds(1));
        }));
        await using var client = HostileApi.Create(api, options =>
        {
            options.Timeout = TimeSpan.FromMinutes(5);
            options.CallTimeout = TimeSpan.FromSeconds(1);
        });
        var stopwatch = Stopwatch.StartNew();

        var deadline = await Should.ThrowAsync<ApiTransportException>(() => client.Accounts[HostileApi.AccountId].Users[HostileApi.UserId].GetAsync());

        stopwatch.Elapsed.ShouldBeLessThan(Hang, "the attempt may take 5 minutes; the call 1 s");
        deadline.Failure.ShouldBe(TransportFailure.Timeout);
        deadline.Message.ShouldEndWith("the call took longer than its deadline of 1 s (ApiClientOptions.CallTimeout)");
    }

    [Fact]
    public async Task A_stuck_token_request_fails_its_waiters_and_the_next_caller_starts_a_new_one()
    {
        int tokenRequests = 0;
        await using var api = HostileServer.Start(async exchange =>
        {
            if (exchange.Request.Target != HostileApi.TokenPath)
            {
                await exchange.RespondAsync(200, HostileApi.UserJson());
                return;
            }

            if (Interlocked.Increment(ref tokenRequests) == 1)
            {
                await exchange.DripJsonAsync(HostileApi.TokenJson(Token), TimeSpan.FromSeconds(1));
                return;
            }

            await exchange.RespondAsync(200, HostileApi.TokenJson(Token));
        });
        await using var client = HostileApi.Create(api, options => options.Token = new TokenCacheOptions { RequestTimeout = TimeSpan.FromSeconds(1), MaxTokenRequestAttempts = 1 });
        var users = client.Accounts[HostileApi.AccountId].Users;

        var stuck = await Should.ThrowAsync<ApiTransportException>(() => users[HostileApi.UserId].GetAsync());
        var user = await users[HostileApi.UserId].GetAsync();

        stuck.Failure.ShouldBe(TransportFailure.Timeout);
        stuck.RequestUri.ShouldBe(new Uri(api.BaseAddress, HostileApi.TokenPath.TrimStart('/')));
        stuck.Message.ShouldContain("TokenCacheOptions.RequestTimeout");
        user.Id.ShouldBe(HostileApi.UserId);
        tokenRequests.ShouldBe(2);
    }

    [Fact]
    public async Task Calls_after_a_timed_out_attempt_get_time_limits_of_their_own()
    {
        // Time limits are pooled and reused by later calls; a limit that has fired must never be.
        int calls = 0;
        await using var api = HostileServer.Start(HostileApi.WithTokens(Token, async exchange =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await Task.Delay(Hang);
            }

            await exchange.RespondAsync(200, HostileApi.UserJson());
        }));
        await using var client = HostileApi.Create(api, options =>
        {
            options.Timeout = TimeSpan.FromSeconds(1);
            options.Retry = new RetryOptions { MaxRetries = 0 };
        });
        var user = client.Accounts[HostileApi.AccountId].Users[HostileApi.UserId];

        (await Should.ThrowAsync<ApiTransportException>(() => user.GetAsync())).Failure.ShouldBe(TransportFailure.Timeout);

        // Enough calls at once to take every limit the pool holds.
        foreach (var call in Enumerable.Range(0, 8).Select(_ => user.GetAsync()).ToList())
        {
            (await call).Id.ShouldBe(HostileApi.UserId);
        }
    }
}
