using System.Net.Http.Headers;

namespace OnePassword.Users.Runtime;

/// <summary>
/// Reads the <c>Retry-After</c> response header (RFC 9110 section 10.2.3) as a wait duration.
/// </summary>
/// <remarks>
/// Both forms are accepted: delta-seconds, and an HTTP-date in the IMF-fixdate, obsolete RFC 850
/// or asctime format (parsed by <see cref="HttpResponseHeaders.RetryAfter"/>). A date is turned
/// into a wait by subtracting <c>now</c> as absolute instants, using the whole difference rather
/// than its seconds component, so neither the local time zone nor minutes and hours are lost.
/// </remarks>
public static class RetryAfterParser
{
    /// <summary>Returns how long the server asks the client to wait, or <see langword="null"/> when the header is absent or unreadable.</summary>
    /// <param name="headers">The response headers.</param>
    /// <param name="now">The current instant, normally <see cref="TimeProvider.GetUtcNow"/>; its offset does not matter.</param>
    /// <returns>The wait, never negative: a date in the past means "retry now".</returns>
    public static TimeSpan? Parse(HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);

        // The typed accessor yields null for a header that does not parse, instead of throwing.
        RetryConditionHeaderValue? value = headers.RetryAfter;
        if (value is null)
        {
            return null;
        }

        if (value.Delta is { } delta)
        {
            return ClampAtZero(delta);
        }

        if (value.Date is { } date)
        {
            // DateTimeOffset subtraction compares UTC instants, whatever the offsets are.
            return ClampAtZero(date - now);
        }

        return null;
    }

    private static TimeSpan ClampAtZero(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
}
