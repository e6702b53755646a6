using System.Text.Json;
using OnePassword.Users.Models;

namespace OnePassword.Users.Cli.Output;

/// <summary>
/// A user as the API sends it: snake_case names, wire state names and RFC 3339 times with
/// <c>Z</c>. Written here from <see cref="UserFields"/> rather than with the generated
/// <see cref="User.WriteJson"/>, which writes UTC times as <c>+00:00</c> and throws on a state
/// added to the API after this build.
/// </summary>
internal static class UserJson
{
    public static string Serialize(User user) => JsonText.Of(writer => Write(writer, user));

    public static void Write(Utf8JsonWriter writer, User user)
    {
        writer.WriteStartObject();
        foreach (var field in UserFields.All)
        {
            var value = field.Value(user);
            if (value.Length > 0 || field.WireName is "id" or "email")
            {
                writer.WriteString(field.WireName, value);
            }
        }

        if (user.Path is { } path)
        {
            writer.WriteString("path", path);
        }

        writer.WriteEndObject();
    }
}
