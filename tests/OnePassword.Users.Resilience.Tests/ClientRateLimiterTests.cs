using Microsoft.Extensions.Time.Testing;
using OnePassword.Users.Runtime;
using Shouldly;

namespace OnePassword.Users.Resilience.Tests;

public sealed class ClientRateLimiterTests
{
    private readonly FakeTimeProvider _time = new();

    // The registry is process-wide: every test uses keys of its own.
    private static string UniqueKey() => Guid.NewGuid().ToString("N");

    private static RateLimitOptions Options(int limit) => new() { Rules = [new RateLimitRule(limit, TimeSpan.FromMinutes(1))], SafetyMargin = TimeSpan.Zero };

    [Fact]
    public void The_same_key_gets_the_same_limiter_and_so_one_budget()
    {
        string key = UniqueKey();

        using SharedRateLimiter first = ClientRateLimiter.Acquire(key, Options(2), _time);
        using SharedRateLimiter second = ClientRateLimiter.Acquire(key, Options(2), _time);

        second.Limiter.ShouldBeSameAs(first.Limiter);
        first.Limiter.AttemptAcquire().IsAcquired.ShouldBeTrue();
        second.Limiter.AttemptAcquire().IsAcquired.ShouldBeTrue();
        first.Limiter.AttemptAcquire().IsAcquired.ShouldBeFalse();
    }

    [Fact]
    public void Different_keys_get_separate_budgets()
    {
        using SharedRateLimiter first = ClientRateLimiter.Acquire(UniqueKey(), Options(1), _time);
        using SharedRateLimiter second = ClientRateLimiter.Acquire(UniqueKey(), Options(1), _time);

        second.Limiter.ShouldNotBeSameAs(first.Limiter);
        first.Limiter.AttemptAcquire().IsAcquired.ShouldBeTrue();
        second.Limiter.AttemptAcquire().IsAcquired.ShouldBeTrue();
    }

    [Fact]
    public void A_second_client_with_other_settings_for_the_same_budget_is_refused_while_the_first_lives()
    {
        string key = UniqueKey();
        using SharedRateLimiter first = ClientRateLimiter.Acquire(key, Options(100), _time);

        var refused = Should.Throw<ArgumentException>(() => ClientRateLimiter.Acquire(key, Options(10), _time));

        refused.ParamName.ShouldBe("options");
        refused.Message.ShouldContain("100 per 00:01:00");
        refused.Message.ShouldContain("10 per 00:01:00");
        Should.Throw<ArgumentException>(() => ClientRateLimiter.Acquire(key, Options(100), new FakeTimeProvider()))
            .Message.ShouldContain("another TimeProvider");
    }

    [Fact]
    public void Once_every_client_of_a_budget_is_gone_a_new_one_gets_its_own_settings()
    {
        string key = UniqueKey();
        SharedRateLimiter first = ClientRateLimiter.Acquire(key, Options(100), _time);
        SharedRateLimiter second = ClientRateLimiter.Acquire(key, Options(100), _time);
        first.Dispose();
        Should.Throw<ArgumentException>(() => ClientRateLimiter.Acquire(key, Options(10), _time));
        second.Dispose();

        using SharedRateLimiter third = ClientRateLimiter.Acquire(key, Options(10), _time);

        third.Limiter.ShouldNotBeSameAs(first.Limiter);
        third.Limiter.Rules.ShouldBe([new RateLimitRule(10, TimeSpan.FromMinutes(1))]);
        Should.Throw<ObjectDisposedException>(() => first.Limiter.AttemptAcquire());
    }

    [Fact]
    public void The_default_options_follow_the_documented_limits()
    {
        using SharedRateLimiter shared = ClientRateLimiter.Acquire(UniqueKey(), new RateLimitOptions(), _time);

        shared.Limiter.Rules.ShouldBe([new RateLimitRule(100, TimeSpan.FromMinutes(1)), new RateLimitRule(6000, TimeSpan.FromHours(1))]);
        shared.Limiter.SafetyMargin.ShouldBe(TimeSpan.FromSeconds(1));
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
