using System.Globalization;
using System.Text;

namespace OnePassword.Users.Benchmarks;

/// <summary>Realistic Users API bodies: one user, and pages of users as the API sends them.</summary>
internal static class Payloads
{
    public static byte[] User(int index) => Encoding.UTF8.GetBytes(UserJson(index));

    /// <summary>A token response, for the Create() pipeline's token endpoint.</summary>
    public static byte[] Token { get; } = Encoding.UTF8.GetBytes("""{"access_token":"benchmark-token-0123456789","token_type":"Bearer","expires_in":900,"scope":"openid"}""");

    public static byte[] Page(int first, int count, string? nextPageToken)
    {
        var builder = new StringBuilder("{\"results\":[");
        for (var i = 0; i < count; i++)
        {
            builder.Append(i == 0 ? string.Empty : ",").Append(UserJson(first + i));
        }

        builder.Append(']');
        if (nextPageToken is not null)
        {
            builder.Append(",\"next_page_token\":\"").Append(nextPageToken).Append('"');
        }

        return Encoding.UTF8.GetBytes(builder.Append('}').ToString());
    }

    private static string UserJson(int index)
    {
        var id = "U" + index.ToString("D25", CultureInfo.InvariantCulture);
        return $$"""{"id":"{{id}}","email":"user{{index}}@example.com","display_name":"User Number {{index}}","state":"{{(index % 10 == 0 ? "SUSPENDED" : "ACTIVE")}}","create_time":"2024-01-15T10:30:00Z","path":"accounts/ACCOUNT123/users/{{id}}"}""";
    }
}
