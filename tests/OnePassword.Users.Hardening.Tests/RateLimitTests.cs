using System.Diagnostics;
using OnePassword.Users.Hardening.Tests.Support;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Hardening.Tests;

/// <summary>A client's own rate-limit options always apply, and a Retry-After past the cap fails every waiting caller at once.</summary>
public sealed class RateLimitTests
{
    private const string Token = "limit-token";

    private static RateLimitOptions PerTenSeconds(int limit) => new() { Rules = [new RateLimitRule(limit, TimeSpan.FromSeconds(10))], SafetyMargin = TimeSpan.Zero };

    [Fact]
    public async Task A_second_client_with_the_same_credentials_and_other_limits_is_refused_while_the_first_lives()
    {
        await using var api = HostileServer.Start(HostileApi.WithTokens(Token, exchange => exchange.RespondAsync(200, HostileApi.UserJson())));
        var first = HostileApi.Create(api, options => options.RateLimit = PerTenSeconds(100));

        var refused = Should.Throw<ArgumentException>(() => HostileApi.Create(api, options => options.RateLimit = PerTenSeconds(5)));
        await first.DisposeAsync();
        await using var second = HostileApi.Create(api, options => options.RateLimit = PerTenSeconds(5));

        refused.Message.ShouldContain("100 per 00:00:10");
        refused.Message.ShouldContain("this one asks for 5 per 00:00:10");
        (await second.Accounts[HostileApi.AccountId].Users[HostileApi.UserId].GetAsync()).Id.ShouldBe(HostileApi.UserId);
    }

    [Fact]
    public async Task A_retry_after_beyond_the_cap_fails_the_callers_waiting_behind_it_at_once()
    {
        // The 429 comes half a second late, so the two callers started once U1 is at the server
        // are queued behind its permit when it arrives. Started together with U1, any of the
        // three could have taken the one permit.
        await using var api = HostileServer.Start(HostileApi.WithTokens(Token, async exchange =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), exchange.Stopping);
            await exchange.RespondAsync(429, """{"code":8,"message":"slow down"}""", "application/json", ("Retry-After", "600"));
        }));
        await using var client = HostileApi.Create(api, options => options.RateLimit = PerTenSeconds(1));
        var users = client.Accounts[HostileApi.AccountId].Users;
        var stopwatch = Stopwatch.StartNew();

        Task<Models.User> first = users["U1"].GetAsync();
        while (!api.Requests.Any(request => request.Target.EndsWith("/U1", StringComparison.Ordinal)) && stopwatch.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(10);
        }

        Task<Models.User> second = users["U2"].GetAsync();
        Task<Models.User> third = users["U3"].GetAsync();

        var limited = await Should.ThrowAsync<RateLimitedException>(() => first);
        var waiting = await Should.ThrowAsync<RateLimitedException>(() => second);
        await Should.ThrowAsync<RateLimitedException>(() => third);
        var later = await Should.ThrowAsync<RateLimitedException>(() => users["U4"].GetAsync());

        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(9), "nobody waited for the 10-second window, let alone the 600-second hold");
        limited.RetryAfter.ShouldBe(TimeSpan.FromSeconds(600));
        waiting.RetryAfter!.Value.ShouldBeInRange(TimeSpan.FromSeconds(590), TimeSpan.FromSeconds(600));
        waiting.ResponseStatusCode.ShouldBe(429);
        waiting.RpcCode.ShouldBe(8);
        waiting.RequestUri!.AbsolutePath.ShouldBe("/v1beta1/accounts/ACCOUNT/users/U2");
        waiting.Message.ShouldContain("was not sent");
        later.RequestUri!.AbsolutePath.ShouldBe("/v1beta1/accounts/ACCOUNT/users/U4");
        api.Requests.Count(request => request.Target.StartsWith("/v1beta1/accounts/", StringComparison.Ordinal)).ShouldBe(1);
    }
}
