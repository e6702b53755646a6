using System.Net.Http.Headers;
using System.Text;

namespace OnePassword.Users.Runtime;

/// <summary>
/// Client authentication with HTTP Basic (<c>client_secret_basic</c>, RFC 6749 section 2.3.1):
/// the id and the secret are each form-urlencoded before <c>id:secret</c> is Base64-encoded, so
/// a <c>:</c> or non-ASCII character in either survives the round trip.
/// </summary>
internal static class ClientSecretBasic
{
    public static AuthenticationHeaderValue Header(ClientCredentials credentials, out IReadOnlyList<string> secrets)
    {
        string secret = credentials.RevealSecret();
        string pair = FormEncode(credentials.ClientId) + ":" + FormEncode(secret);
        string parameter = Convert.ToBase64String(Encoding.UTF8.GetBytes(pair));

        // Every form the secret can take on the wire, longest first, so an error page that
        // echoes any of them is redacted before it reaches a message.
        secrets = [.. new[] { parameter, pair, FormEncode(secret), secret }
            .Where(text => text.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(text => text.Length)];
        return new AuthenticationHeaderValue("Basic", parameter);
    }

    /// <summary>
    /// <c>application/x-www-form-urlencoded</c> encoding of one value, the same as
    /// <see cref="FormUrlEncodedContent"/> uses: RFC 3986 percent-encoding with spaces as <c>+</c>.
    /// </summary>
    public static string FormEncode(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);
}
