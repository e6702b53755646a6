using System.Globalization;
using OnePassword.Users.Models;

namespace OnePassword.Users.Cli.Output;

/// <summary>The text of a user's fields, shared by the table and CSV writers so both print the same values.</summary>
internal static class UserFields
{
    public static readonly string[] CsvHeader = ["id", "email", "display_name", "state", "create_time"];

    public static string State(UserState? state) => state switch
    {
        UserState.Active => "active",
        UserState.Suspended => "suspended",
        UserState.StateUnspecified => "unspecified",
        UserState.Unknown => "unknown",
        _ => string.Empty,
    };

    /// <summary>UTC, second precision, ISO 8601: sortable, and the same on every machine.</summary>
    public static string CreateTime(DateTimeOffset? createTime) =>
        createTime?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string[] CsvRecord(User user) =>
        [user.Id, user.Email, user.DisplayName ?? string.Empty, State(user.State), CreateTime(user.CreateTime)];
}
