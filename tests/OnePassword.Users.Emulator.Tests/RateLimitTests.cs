using System.Globalization;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using OnePassword.Users.Emulator.Tests.TestSupport;

namespace OnePassword.Users.Emulator.Tests;

public sealed class RateLimitTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Over_the_limit_answers_429_with_retry_after_in_seconds_and_recovers_when_the_window_moves()
    {
        var clock = new FakeTimeProvider(Start);
        await using var emulator = await StartAsync(clock, RetryAfterFormat.DeltaSeconds, new RateLimitRule(3, TimeSpan.FromMinutes(1)));
        using var api = new ApiClient(emulator);
        var token = await api.TokenAsync(emulator.DefaultClient);

        await ExpectStatusesAsync(api, token, HttpStatusCode.OK, HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromSeconds(20.5));
        await ExpectStatusesAsync(api, token, HttpStatusCode.OK);

        using (var limited = await api.ListAsync(token))
        {
            await limited.ShouldBeStatusAsync(HttpStatusCode.TooManyRequests, 8);
            limited.Headers.GetValues("Retry-After").Single().ShouldBe("40");
        }

        clock.Advance(TimeSpan.FromSeconds(39));
        using (var stillLimited = await api.ListAsync(token))
        {
            stillLimited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            stillLimited.Headers.GetValues("Retry-After").Single().ShouldBe("1");
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        await ExpectStatusesAsync(api, token, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
        emulator.Statistics.RateLimitedResponses.ShouldBe(3);
    }

    [Fact]
    public async Task Retry_after_can_be_an_http_date_in_gmt()
    {
        var clock = new FakeTimeProvider(Start);
        await using var emulator = await StartAsync(clock, RetryAfterFormat.HttpDate, new RateLimitRule(1, TimeSpan.FromMinutes(1)));
        using var api = new ApiClient(emulator);
        var token = await api.TokenAsync(emulator.DefaultClient);
        await ExpectStatusesAsync(api, token, HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromSeconds(10.2));

        using var limited = await api.ListAsync(token);

        var retryAfter = limited.Headers.GetValues("Retry-After").Single();
        retryAfter.ShouldBe("Sun, 01 Mar 2026 12:01:00 GMT");
        limited.Headers.RetryAfter!.Date.ShouldBe(Start.AddMinutes(1));
        DateTimeOffset.ParseExact(retryAfter, "r", CultureInfo.InvariantCulture).ShouldBe(Start.AddMinutes(1));
    }

    [Fact]
    public async Task Rejected_requests_do_not_use_up_a_slot()
    {
        var clock = new FakeTimeProvider(Start);
        await using var emulator = await StartAsync(clock, RetryAfterFormat.DeltaSeconds, new RateLimitRule(2, TimeSpan.FromSeconds(10)));
        using var api = new ApiClient(emulator);
        var token = await api.TokenAsync(emulator.DefaultClient);

        await ExpectStatusesAsync(api, token, HttpStatusCode.OK, HttpStatusCode.OK);
        for (var second = 0; second < 9; second++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await ExpectStatusesAsync(api, token, HttpStatusCode.TooManyRequests);
        }

        // Had the rejections been logged, the window would still be full ten seconds after the first two requests.
        clock.Advance(TimeSpan.FromSeconds(1));
        await ExpectStatusesAsync(api, token, HttpStatusCode.OK, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Every_rule_must_hold_and_the_longest_wait_wins()
    {
        var clock = new FakeTimeProvider(Start);
        await using var emulator = await StartAsync(
            clock,
            RetryAfterFormat.DeltaSeconds,
            new RateLimitRule(1, TimeSpan.FromMinutes(1)),
            new RateLimitRule(2, TimeSpan.FromHours(1)));
        using var api = new ApiClient(emulator);
        var token = await api.TokenAsync(emulator.DefaultClient);

        await ExpectStatusesAsync(api, token, HttpStatusCode.OK);
        using (var minuteFull = await api.ListAsync(token))
        {
            minuteFull.Headers.GetValues("Retry-After").Single().ShouldBe("60");
        }

        clock.Advance(TimeSpan.FromMinutes(1));
        await ExpectStatusesAsync(api, token, HttpStatusCode.OK);
        using var bothFull = await api.ListAsync(token);

        bothFull.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        bothFull.Headers.GetValues("Retry-After").Single().ShouldBe("3540");
    }

    [Fact]
    public async Task Limits_apply_per_client()
    {
        var clock = new FakeTimeProvider(Start);
        await using var emulator = await StartAsync(clock, RetryAfterFormat.DeltaSeconds, new RateLimitRule(1, TimeSpan.FromMinutes(1)));
        var other = emulator.AddClient(emulator.DefaultAccountId, EmulatorPermissions.All);
        using var api = new ApiClient(emulator);
        var token = await api.TokenAsync(emulator.DefaultClient);
        var otherToken = await api.TokenAsync(other);

        await ExpectStatusesAsync(api, token, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
        await ExpectStatusesAsync(api, otherToken, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task The_documented_default_is_100_a_minute()
    {
        var clock = new FakeTimeProvider(Start);
        await using var emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock });
        using var api = new ApiClient(emulator);
        var token = await api.TokenAsync(emulator.DefaultClient);

        await ExpectStatusesAsync(api, token, [.. Enumerable.Repeat(HttpStatusCode.OK, 100), HttpStatusCode.TooManyRequests]);
    }

    [Fact]
    public async Task Disabled_rate_limiting_never_answers_429()
    {
        await using var emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions
        {
            RateLimitingEnabled = false,
            RateLimits = [new RateLimitRule(1, TimeSpan.FromHours(1))],
        });
        using var api = new ApiClient(emulator);
        var token = await api.TokenAsync(emulator.DefaultClient);

        await ExpectStatusesAsync(api, token, [.. Enumerable.Repeat(HttpStatusCode.OK, 20)]);
        emulator.Statistics.RateLimitedResponses.ShouldBe(0);
    }

    [Fact]
    public async Task Token_requests_are_not_rate_limited()
    {
        await using var emulator = await StartAsync(new FakeTimeProvider(Start), RetryAfterFormat.DeltaSeconds, new RateLimitRule(1, TimeSpan.FromMinutes(1)));
        using var api = new ApiClient(emulator);

        for (var i = 0; i < 5; i++)
        {
            (await api.TokenAsync(emulator.DefaultClient)).ShouldNotBeNullOrEmpty();
        }
    }

    private static Task<UsersApiEmulator> StartAsync(TimeProvider clock, RetryAfterFormat format, params RateLimitRule[] rules) =>
        UsersApiEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock, RateLimits = rules, RetryAfterFormat = format });

    private static async Task ExpectStatusesAsync(ApiClient api, string token, params HttpStatusCode[] expected)
    {
        foreach (var status in expected)
        {
            using var response = await api.ListAsync(token, "?max_page_size=1");
            response.StatusCode.ShouldBe(status);
        }
    }
}
