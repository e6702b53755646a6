using System.Globalization;

namespace OnePassword.Users.Emulator.Seeding;

/// <summary>Reads the text values that JSON and CSV seeds share; <c>where</c> names the row in error messages.</summary>
internal static class SeedValues
{
    public static string Required(string? value, string field, string where) =>
        string.IsNullOrWhiteSpace(value) ? throw new FormatException($"{where}: {field} is required.") : value.Trim();

    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static UserRole Role(string? value, string where) => Optional(value)?.ToUpperInvariant() switch
    {
        null or "MEMBER" => UserRole.Member,
        "ADMIN" or "ADMINISTRATOR" => UserRole.Admin,
        "OWNER" => UserRole.Owner,
        _ => throw new FormatException($"{where}: role '{value}' is not owner, admin or member."),
    };

    public static UserState State(string? value, string where) => Optional(value)?.ToUpperInvariant() switch
    {
        null or "ACTIVE" => UserState.Active,
        "SUSPENDED" => UserState.Suspended,
        _ => throw new FormatException($"{where}: state '{value}' is not active or suspended."),
    };

    public static bool Flag(string? value, string where) => Optional(value)?.ToUpperInvariant() switch
    {
        null or "FALSE" or "0" or "NO" => false,
        "TRUE" or "1" or "YES" => true,
        _ => throw new FormatException($"{where}: externally_managed '{value}' is not true or false."),
    };

    public static DateTimeOffset? Time(string? value, string where)
    {
        var text = Optional(value);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new FormatException($"{where}: create_time '{value}' is not an RFC 3339 date-time.");
    }
}
