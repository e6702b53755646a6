using OnePassword.Users.Cli.Activity;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Cli.Tests;

/// <summary>The forecast of the client-side limiter that the ETA and "resumes in" are built on.</summary>
public sealed class RateLimitForecastTests
{
    private static readonly RateLimitForecast UsersApi = new(new RateLimitOptions());

    [Fact]
    public void Below_the_limit_a_call_goes_at_once()
    {
        var sends = Enumerable.Range(0, 99).Select(i => TimeSpan.FromMilliseconds(10 * i)).ToList();

        UsersApi.ResumeIn(sends, TimeSpan.FromSeconds(1)).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void At_the_limit_the_next_call_waits_until_the_oldest_leaves_the_window_and_its_margin()
    {
        var sends = Enumerable.Range(0, 100).Select(i => TimeSpan.FromMilliseconds(10 * i)).ToList();

        // The first send (at 0) leaves the 60 s window plus the 1 s safety margin at 61 s.
        UsersApi.ResumeIn(sends, TimeSpan.FromSeconds(1)).ShouldBe(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void Many_calls_take_a_window_per_hundred()
    {
        // 250 calls from a standing start: 100 now, 100 after 61 s, 50 after 122 s.
        UsersApi.UntilStarted(250, [], TimeSpan.Zero).ShouldBe(TimeSpan.FromSeconds(122));
    }

    [Fact]
    public void The_hourly_limit_counts_as_well()
    {
        var forecast = new RateLimitForecast(new RateLimitOptions { Rules = [new(100, TimeSpan.FromMinutes(1)), new(150, TimeSpan.FromHours(1))], SafetyMargin = TimeSpan.Zero });

        forecast.UntilStarted(151, [], TimeSpan.Zero).ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public void A_disabled_limiter_never_waits()
    {
        new RateLimitForecast(new RateLimitOptions { Enabled = false }).UntilStarted(10_000, [], TimeSpan.Zero).ShouldBe(TimeSpan.Zero);
    }

    [Theory]
    [InlineData(0.2, "1 s")]
    [InlineData(23, "23 s")]
    [InlineData(125, "2 min 05 s")]
    [InlineData(3840, "1 h 04 min")]
    public void Durations_read_as_people_say_them(double seconds, string text)
    {
        Durations.Format(TimeSpan.FromSeconds(seconds)).ShouldBe(text);
    }
}
