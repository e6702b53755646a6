using System.Globalization;

namespace OnePassword.Users.Emulator.Http;

/// <summary>A user as the API serves it.</summary>
internal sealed record UserResource(string Id, string Email, string DisplayName, string State, string CreateTime, string Path)
{
    public static UserResource From(EmulatorUser user) => new(
        user.Id,
        user.Email,
        user.DisplayName,
        user.State == UserState.Active ? "ACTIVE" : "SUSPENDED",
        FormatTime(user.CreateTime),
        user.Path);

    /// <summary>RFC 3339 in UTC with a <c>Z</c>, with a fraction only when the time has one, like the documented examples.</summary>
    internal static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
