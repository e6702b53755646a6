using System.Globalization;
using System.Text;

namespace OnePassword.Users.Runtime;

/// <summary>Turns response bodies into text that is safe to put in an exception message or a log.</summary>
internal static class ErrorText
{
    private const int ExcerptLength = 200;
    private const int MinimumSecretLength = 6;
    private const string Redacted = "***";

    /// <summary>The first characters of a body on one line, with control characters escaped, so a log entry cannot be forged or broken.</summary>
    public static string Excerpt(string body)
    {
        var builder = new StringBuilder(Math.Min(body.Length, ExcerptLength) + 8);
        foreach (char c in body.AsSpan(0, Math.Min(body.Length, ExcerptLength)))
        {
            _ = c switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                _ when char.IsControl(c) => builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        if (body.Length > ExcerptLength)
        {
            builder.Append('…');
        }

        return builder.ToString();
    }

    /// <summary>
    /// The credentials the request carried: the Authorization parameter and, for Basic, the
    /// decoded pair and password. A server that echoes them (a debug error page) must not put
    /// them into an exception message or a logged body.
    /// </summary>
    public static IReadOnlyList<string> SecretsOf(HttpRequestMessage? request)
    {
        if (request?.Headers.Authorization is not { Parameter: { } parameter } authorization)
        {
            return [];
        }

        var secrets = new List<string> { parameter };
        if (string.Equals(authorization.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                string pair = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
                secrets.Add(pair);
                int colon = pair.IndexOf(':', StringComparison.Ordinal);
                if (colon >= 0)
                {
                    secrets.Add(pair[(colon + 1)..]);
                }
            }
            catch (FormatException)
            {
                // Not valid Base64: the raw parameter is already covered.
            }
        }

        // Longest first, so a secret inside a longer one does not leave the rest behind.
        return [.. secrets.Where(secret => secret.Length >= MinimumSecretLength).OrderByDescending(secret => secret.Length)];
    }

    /// <summary>Replaces every occurrence of every secret with a marker.</summary>
    public static string? Redact(string? text, IReadOnlyList<string> secrets)
    {
        if (text is null)
        {
            return null;
        }

        foreach (string secret in secrets)
        {
            text = text.Replace(secret, Redacted, StringComparison.Ordinal);
        }

        return text;
    }
}
