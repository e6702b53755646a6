using System.Text;

namespace OnePassword.Users.Emulator.Http;

/// <summary>Reads <c>Authorization: Basic base64(client_id:client_secret)</c> (RFC 7617, as <c>client_secret_basic</c> uses it).</summary>
internal static class BasicCredentials
{
    public static bool TryParse(string? authorization, out string clientId, out string clientSecret)
    {
        clientId = clientSecret = string.Empty;
        const string Scheme = "Basic ";
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[Scheme.Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        clientId = decoded[..colon];
        clientSecret = decoded[(colon + 1)..];
        return true;
    }
}
