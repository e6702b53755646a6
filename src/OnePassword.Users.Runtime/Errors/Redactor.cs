using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;

namespace OnePassword.Users.Runtime;

/// <summary>
/// Removes credentials from text and headers before a caller can see them (exception messages,
/// raw bodies, response headers, retry callbacks and logs), in two ways at once:
/// <list type="bullet">
/// <item>by structure: the values of JSON and form fields that hold credentials
/// (<c>access_token</c>, <c>token</c>, <c>client_secret</c>, ...), <c>Bearer</c>/<c>Basic</c>
/// credentials, and headers such as <c>Authorization</c>, <c>Cookie</c> and <c>Set-Cookie</c>;</item>
/// <item>by exact value: the credentials the request carried, in every form they take on the
/// wire (plain, form- and URL-encoded, JSON-escaped), however short.</item>
/// </list>
/// </summary>
/// <remarks>
/// An exact value is replaced only where it stands on its own, not inside a longer word: a
/// one-letter secret must not turn "Cannot" into "Cann***t", which would garble the message and
/// give the secret away.
/// </remarks>
internal sealed partial class Redactor
{
    /// <summary>What replaces a credential.</summary>
    public const string Marker = "***";

    private static readonly JavaScriptEncoder[] s_jsonEncoders = [JavaScriptEncoder.Default, JavaScriptEncoder.UnsafeRelaxedJsonEscaping];

    private readonly string[] _values;

    private Redactor(string[] values) => _values = values;

    /// <summary>A redactor that knows no exact values and redacts by structure only.</summary>
    public static Redactor Structural { get; } = new([]);

    /// <summary>A redactor for the given credentials and every wire form of them.</summary>
    /// <param name="secrets">Credentials: a token, a client secret, a Basic parameter.</param>
    /// <returns>The redactor.</returns>
    public static Redactor For(IEnumerable<string> secrets)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (string secret in secrets)
        {
            if (string.IsNullOrEmpty(secret))
            {
                continue;
            }

            values.Add(secret);
            values.Add(Uri.EscapeDataString(secret));
            values.Add(Uri.EscapeDataString(secret).Replace("%20", "+", StringComparison.Ordinal));
            foreach (JavaScriptEncoder encoder in s_jsonEncoders)
            {
                values.Add(encoder.Encode(secret));
            }
        }

        // Longest first, so a secret inside a longer form of itself leaves nothing behind.
        return new Redactor([.. values.OrderByDescending(value => value.Length).ThenBy(value => value, StringComparer.Ordinal)]);
    }

    /// <summary>The credentials a request carried: its Authorization parameter and, for Basic, the decoded pair and password.</summary>
    /// <param name="request">The request, or null.</param>
    /// <returns>The redactor.</returns>
    public static Redactor For(HttpRequestMessage? request)
    {
        if (request?.Headers.Authorization is not { Parameter: { Length: > 0 } parameter } authorization)
        {
            return Structural;
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
                    secrets.Add(Uri.UnescapeDataString(pair[(colon + 1)..].Replace('+', ' ')));
                }
            }
            catch (FormatException)
            {
                // Not valid Base64: the raw parameter is already covered.
            }
        }

        return For(secrets);
    }

    /// <summary>Whether <paramref name="headerName"/> carries credentials by its nature, so its value is never shown.</summary>
    /// <param name="headerName">A header name.</param>
    /// <returns><see langword="true"/> for Authorization, Cookie, Set-Cookie and names that speak of tokens, secrets, keys or sessions.</returns>
    public static bool IsSensitiveHeader(string headerName) =>
        headerName.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
        || headerName.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
        || SensitiveHeaderName().IsMatch(headerName);

    /// <summary>The text with every credential replaced by <see cref="Marker"/>; null stays null.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The redacted text.</returns>
    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        try
        {
            text = JsonCredentialField().Replace(text, match => match.Groups["prefix"].Value + Marker + "\"");
            text = FormCredentialField().Replace(text, match => match.Groups["prefix"].Value + Marker);
            text = SchemeCredential().Replace(text, match => match.Groups["scheme"].Value + " " + Marker);
            text = CredentialHeaderLine().Replace(text, match => match.Groups["prefix"].Value + Marker);
        }
        catch (RegexMatchTimeoutException)
        {
            // Text built to stall the patterns is not worth showing at all.
            return Marker;
        }

        foreach (string value in _values)
        {
            text = ReplaceStandalone(text, value);
        }

        return text;
    }

    /// <summary>The response's headers, with the values of sensitive headers replaced and credentials redacted from the rest.</summary>
    /// <param name="response">The response.</param>
    /// <returns>A case-insensitive copy.</returns>
    public Dictionary<string, IEnumerable<string>> Headers(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, HeaderStringValues> header in response.Headers.NonValidated)
        {
            headers[header.Key] = Values(header.Key, header.Value);
        }

        foreach (KeyValuePair<string, HeaderStringValues> header in response.Content.Headers.NonValidated)
        {
            headers[header.Key] = Values(header.Key, header.Value);
        }

        return headers;
    }

    private string[] Values(string name, HeaderStringValues values)
    {
        if (IsSensitiveHeader(name))
        {
            return [Marker];
        }

        var redacted = new List<string>();
        foreach (string value in values)
        {
            redacted.Add(Redact(value)!);
        }

        return [.. redacted];
    }

    private static string ReplaceStandalone(string text, string value)
    {
        int index = text.IndexOf(value, StringComparison.Ordinal);
        if (index < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        int copied = 0;
        while (index >= 0)
        {
            int end = index + value.Length;
            bool startsAlone = !char.IsLetterOrDigit(value[0]) || index == 0 || !char.IsLetterOrDigit(text[index - 1]);
            bool endsAlone = !char.IsLetterOrDigit(value[^1]) || end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (startsAlone && endsAlone)
            {
                builder.Append(text, copied, index - copied).Append(Marker);
                copied = end;
                index = text.IndexOf(value, end, StringComparison.Ordinal);
            }
            else
            {
                index = text.IndexOf(value, index + 1, StringComparison.Ordinal);
            }
        }

        return copied == 0 ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    private const string CredentialFieldNames =
        "access_token|refresh_token|id_token|token|client_secret|client_assertion|assertion|password|passwd|secret|api_key|apikey|session|code_verifier";

    [GeneratedRegex("(?<prefix>\"(?:" + CredentialFieldNames + ")\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*\"", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex JsonCredentialField();

    [GeneratedRegex("(?<prefix>(?<![A-Za-z0-9_])(?:" + CredentialFieldNames + ")=)[^&\\s\"'<>]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FormCredentialField();

    [GeneratedRegex("(?<scheme>(?<![A-Za-z0-9])(?:Bearer|Basic))\\s+[A-Za-z0-9\\-._~+/]+=*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SchemeCredential();

    [GeneratedRegex("(?<prefix>(?<![A-Za-z0-9-])(?:Authorization|Proxy-Authorization|Cookie|Set-Cookie)\\s*[:=]\\s*)[^\\r\\n<\"]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CredentialHeaderLine();

    [GeneratedRegex("token|secret|passw|api[-_]?key|session|cookie|credential", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SensitiveHeaderName();
}
