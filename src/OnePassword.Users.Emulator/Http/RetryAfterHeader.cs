using System.Globalization;

namespace OnePassword.Users.Emulator.Http;

/// <summary>Formats <c>Retry-After</c> (RFC 9110 section 10.2.3), rounding up so a client that waits exactly that long finds a free slot.</summary>
internal static class RetryAfterHeader
{
    public static string Format(TimeSpan wait, DateTimeOffset now, RetryAfterFormat format)
    {
        var seconds = (long)Math.Ceiling(wait.TotalSeconds);
        if (format == RetryAfterFormat.DeltaSeconds)
        {
            return seconds.ToString(CultureInfo.InvariantCulture);
        }

        // An HTTP-date has whole seconds; round the moment the slot frees up to the next one.
        var freeAt = now + wait;
        var remainder = freeAt.UtcTicks % TimeSpan.TicksPerSecond;
        var rounded = remainder == 0 ? freeAt : freeAt.AddTicks(TimeSpan.TicksPerSecond - remainder);
        return rounded.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);
    }
}
