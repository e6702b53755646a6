using System.Globalization;
using OnePassword.Users.Models;

namespace OnePassword.Users.Cli.Output;

/// <summary>
/// The user fields every format prints, in one order (the API's): id, email, display name, state,
/// create time. Values are the wire values, so a table, a CSV file and JSON say the same thing.
/// </summary>
internal static class UserFields
{
    public static IReadOnlyList<UserField> All { get; } =
    [
        new("id", "ID", user => user.Id),
        new("email", "EMAIL", user => user.Email),
        new("display_name", "NAME", user => user.DisplayName ?? string.Empty),
        new("state", "STATE", user => State(user.State)),
        new("create_time", "CREATED", user => CreateTime(user.CreateTime)),
    ];

    public static IEnumerable<string> WireNames => All.Select(column => column.WireName);

    public static IEnumerable<string> Headers => All.Select(column => column.Header);

    public static IEnumerable<string> Values(User user) => All.Select(column => column.Value(user));

    /// <summary>The state's wire name (<c>ACTIVE</c>, <c>SUSPENDED</c>); a state this version does not know prints as <c>UNKNOWN</c>.</summary>
    public static string State(UserState? state) => state switch
    {
        null => string.Empty,
        { } known => known.ToWireNameOrNull() ?? "UNKNOWN",
    };

    /// <summary>RFC 3339 in UTC with a <c>Z</c>, as the API sends it; fractions of a second only when there are any.</summary>
    public static string CreateTime(DateTimeOffset? createTime) =>
        createTime?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture) ?? string.Empty;
}
