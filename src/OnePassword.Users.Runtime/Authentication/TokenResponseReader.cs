using System.Globalization;
using System.Text.Json;

namespace OnePassword.Users.Runtime;

/// <summary>
/// Reads an RFC 6749 section 5.1 token response: <c>access_token</c>, <c>token_type</c> (must be
/// Bearer when present), <c>expires_in</c> (seconds, a number or a numeric string) and <c>scope</c>.
/// </summary>
internal static class TokenResponseReader
{
    // A lifetime longer than this is treated as this, so a bogus expires_in cannot overflow
    // date arithmetic or pin a token in the cache for years.
    private static readonly TimeSpan s_longestLifetime = TimeSpan.FromDays(1);

    /// <summary>The token, or what was wrong in a few words (never quoting the token).</summary>
    public static Result Read(string body, DateTimeOffset sentAt, TimeSpan defaultLifetime)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            return Result.Problem("the body is not JSON", exception);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Result.Problem("the body is not a JSON object");
            }

            if (!root.TryGetProperty("access_token", out JsonElement valueElement) || valueElement.ValueKind != JsonValueKind.String
                || valueElement.GetString() is not { Length: > 0 } value)
            {
                return Result.Problem("access_token is missing or not a non-empty string");
            }

            if (!IsHeaderSafe(value))
            {
                return Result.Problem("access_token holds characters that cannot be sent in an Authorization header");
            }

            string tokenType = "Bearer";
            if (root.TryGetProperty("token_type", out JsonElement typeElement))
            {
                // RFC 6749 section 7.1: a client must not use a token whose type it does not understand.
                if (typeElement.ValueKind != JsonValueKind.String || !string.Equals(typeElement.GetString(), "Bearer", StringComparison.OrdinalIgnoreCase))
                {
                    return Result.Problem($"token_type is {typeElement.GetRawText()}, not \"Bearer\"");
                }
            }

            TimeSpan lifetime = defaultLifetime;
            if (root.TryGetProperty("expires_in", out JsonElement expiresElement) && expiresElement.ValueKind != JsonValueKind.Null)
            {
                if (!TryReadSeconds(expiresElement, out double seconds) || seconds <= 0 || double.IsNaN(seconds))
                {
                    return Result.Problem($"expires_in is {expiresElement.GetRawText()}, not a positive number of seconds");
                }

                lifetime = seconds >= s_longestLifetime.TotalSeconds ? s_longestLifetime : TimeSpan.FromSeconds(seconds);
            }

            // Measured from when the request was sent, not when the answer arrived, so the token
            // is never believed to live longer than the server meant.
            return Result.Success(new AccessToken(value, sentAt + lifetime, tokenType));
        }
    }

    private static bool TryReadSeconds(JsonElement element, out double seconds)
    {
        seconds = 0;
        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetDouble(out seconds),
            JsonValueKind.String => double.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out seconds),
            _ => false,
        };
    }

    /// <summary>Visible ASCII only, as RFC 6750's b64token allows, so the header cannot be split or rejected.</summary>
    private static bool IsHeaderSafe(string value)
    {
        foreach (char c in value)
        {
            if (c is < '!' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The outcome of <see cref="Read"/>.</summary>
    internal readonly record struct Result(AccessToken? Token, string? Reason, Exception? Error)
    {
        public static Result Success(AccessToken token) => new(token, null, null);

        public static Result Problem(string reason, Exception? error = null) => new(null, reason, error);
    }
}
