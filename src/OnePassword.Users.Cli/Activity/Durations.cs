using System.Globalization;

namespace OnePassword.Users.Cli.Activity;

/// <summary>Waits and estimates as people say them: "23 s", "2 min 05 s", "1 h 04 min".</summary>
internal static class Durations
{
    public static string Format(TimeSpan duration)
    {
        var seconds = (long)Math.Ceiling(Math.Max(0, duration.TotalSeconds));
        return seconds switch
        {
            < 60 => string.Create(CultureInfo.InvariantCulture, $"{seconds} s"),
            < 3600 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60} min {seconds % 60:00} s"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600} h {seconds % 3600 / 60:00} min"),
        };
    }
}
