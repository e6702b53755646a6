using System.Globalization;
using System.Text.RegularExpressions;

namespace OnePassword.Users.Generator.Parsing;

/// <summary>Reads the ISO 8601 durations of <c>x-rate-limits</c> windows (PT1M, PT1H, P1D).</summary>
internal static class IsoDuration
{
    private static readonly Regex Pattern = new(
        @"^P(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+)H)?(?:(?<m>\d+)M)?(?:(?<s>\d+)S)?)?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    public static bool TryParseSeconds(string? text, out long seconds)
    {
        seconds = 0;
        var match = text is null ? null : Pattern.Match(text);
        if (match is null || !match.Success || text == "P" || text == "PT")
        {
            return false;
        }

        seconds = (Part(match, "d") * 86400) + (Part(match, "h") * 3600) + (Part(match, "m") * 60) + Part(match, "s");
        return seconds > 0;
    }

    private static long Part(Match match, string group) =>
        match.Groups[group].Success ? long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
}
