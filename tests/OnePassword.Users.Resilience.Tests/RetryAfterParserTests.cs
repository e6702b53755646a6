using System.Net.Http.Headers;
using OnePassword.Users.Runtime;
using Shouldly;

namespace OnePassword.Users.Resilience.Tests;

public sealed class RetryAfterParserTests
{
    // 10:00:00 UTC, seen from a clock whose local offset is +05:30: any code that mixes local
    // and universal time is off by hours here.
    private static readonly DateTimeOffset s_now = new(2026, 11, 23, 15, 30, 0, TimeSpan.FromHours(5.5));

    private static HttpResponseHeaders HeadersWith(string? retryAfter)
    {
        using var response = new HttpResponseMessage();
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        return response.Headers;
    }

    [Fact]
    public void Delta_seconds_are_read_as_seconds()
    {
        RetryAfterParser.Parse(HeadersWith("120"), s_now).ShouldBe(TimeSpan.FromSeconds(120));
    }

    // Kiota 1.22.1's RetryHandler takes the date's distance from *local* now and then uses only
    // its seconds component: 2 min 5 s ahead becomes 5 s. The whole distance is 125 s.
    [Theory]
    [InlineData("Mon, 23 Nov 2026 10:02:05 GMT")] // IMF-fixdate
    [InlineData("Monday, 23-Nov-26 10:02:05 GMT")] // obsolete RFC 850
    [InlineData("Mon Nov 23 10:02:05 2026")] // obsolete asctime
    public void An_http_date_gives_the_whole_distance_from_now_in_utc(string date)
    {
        RetryAfterParser.Parse(HeadersWith(date), s_now).ShouldBe(TimeSpan.FromSeconds(125));
    }

    [Fact]
    public void An_http_date_hours_ahead_keeps_its_hours()
    {
        RetryAfterParser.Parse(HeadersWith("Mon, 23 Nov 2026 12:00:30 GMT"), s_now).ShouldBe(new TimeSpan(2, 0, 30));
    }

    [Fact]
    public void The_offset_of_now_does_not_change_the_result()
    {
        HttpResponseHeaders headers = HeadersWith("Mon, 23 Nov 2026 10:02:05 GMT");

        RetryAfterParser.Parse(headers, s_now.ToUniversalTime()).ShouldBe(RetryAfterParser.Parse(headers, s_now));
        RetryAfterParser.Parse(headers, s_now.ToOffset(TimeSpan.FromHours(-8))).ShouldBe(TimeSpan.FromSeconds(125));
    }

    [Fact]
    public void A_date_in_the_past_means_retry_now()
    {
        RetryAfterParser.Parse(HeadersWith("Mon, 23 Nov 2026 09:59:00 GMT"), s_now).ShouldBe(TimeSpan.Zero);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("Mon, 99 Nov 2026 10:02:05 GMT")]
    public void A_missing_or_unreadable_header_gives_null(string? value)
    {
        RetryAfterParser.Parse(HeadersWith(value), s_now).ShouldBeNull();
    }
}
