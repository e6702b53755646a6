using Microsoft.Extensions.Time.Testing;
using OnePassword.Users.Runtime;
using Shouldly;

namespace OnePassword.Users.Resilience.Tests;

public sealed class ClientRateLimiterTests
{
    private readonly FakeTimeProvider _time = new();

    // The registry is process-wide: every test uses keys of its own.
    private static string UniqueKey() => Guid.NewGuid().ToString("N");

    [Fact]
    public void The_same_key_gets_the_same_limiter_and_so_one_budget()
    {
        string key = UniqueKey();
        (int, TimeSpan)[] rules = [(2, TimeSpan.FromMinutes(1))];

        RollingWindowRateLimiter first = ClientRateLimiter.Shared(key, rules, _time);
        RollingWindowRateLimiter second = ClientRateLimiter.Shared(key, new RateLimitOptions(), _time);

        second.ShouldBeSameAs(first);
        first.AttemptAcquire().IsAcquired.ShouldBeTrue();
        second.AttemptAcquire().IsAcquired.ShouldBeTrue();
        first.AttemptAcquire().IsAcquired.ShouldBeFalse();
    }

    [Fact]
    public void Different_keys_get_separate_budgets()
    {
        (int, TimeSpan)[] rules = [(1, TimeSpan.FromMinutes(1))];

        RollingWindowRateLimiter first = ClientRateLimiter.Shared(UniqueKey(), rules, _time);
        RollingWindowRateLimiter second = ClientRateLimiter.Shared(UniqueKey(), rules, _time);

        second.ShouldNotBeSameAs(first);
        first.AttemptAcquire().IsAcquired.ShouldBeTrue();
        second.AttemptAcquire().IsAcquired.ShouldBeTrue();
    }

    [Fact]
    public void A_disposed_shared_limiter_is_replaced()
    {
        string key = UniqueKey();
        RollingWindowRateLimiter first = ClientRateLimiter.Shared(key, new RateLimitOptions(), _time);
        first.Dispose();

        ClientRateLimiter.Shared(key, new RateLimitOptions(), _time).ShouldNotBeSameAs(first);
    }

    [Fact]
    public void The_default_options_follow_the_documented_limits()
    {
        RollingWindowRateLimiter limiter = ClientRateLimiter.Shared(UniqueKey(), new RateLimitOptions(), _time);

        limiter.Rules.ShouldBe([new RateLimitRule(100, TimeSpan.FromMinutes(1)), new RateLimitRule(6000, TimeSpan.FromHours(1))]);
        limiter.SafetyMargin.ShouldBe(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void The_partition_key_depends_on_host_and_client_but_never_shows_them()
    {
        string key = ClientRateLimiter.PartitionKey(new Uri("https://api.1password.com/"), "client-123");

        ClientRateLimiter.PartitionKey(new Uri("HTTPS://API.1password.com"), "client-123").ShouldBe(key);
        ClientRateLimiter.PartitionKey(new Uri("https://api.1password.eu/"), "client-123").ShouldNotBe(key);
        ClientRateLimiter.PartitionKey(new Uri("https://api.1password.com/"), "client-456").ShouldNotBe(key);
        key.ShouldNotContain("client-123");
        key.ShouldNotContain("1password");
        key.Length.ShouldBe(64);
    }
}
