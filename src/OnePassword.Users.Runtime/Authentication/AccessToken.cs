using System.Diagnostics;
using System.Globalization;

namespace OnePassword.Users.Runtime;

/// <summary>
/// A bearer access token from the token endpoint. <see cref="ToString"/> and the debugger
/// display show when it expires, never its value.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class AccessToken
{
    /// <summary>Creates a token.</summary>
    /// <param name="value">The opaque token value sent in <c>Authorization: Bearer</c>.</param>
    /// <param name="expiresAt">When the token stops being accepted.</param>
    /// <param name="tokenType">The token type; the Users API issues <c>Bearer</c> tokens.</param>
    /// <exception cref="ArgumentException">The value or token type is empty.</exception>
    public AccessToken(string value, DateTimeOffset expiresAt, string tokenType = "Bearer")
    {
        // An explicit check with a fixed message, so no framework wording can ever quote the value.
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            throw new ArgumentException("The token value must not be empty.", nameof(value));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(tokenType);
        Value = value;
        ExpiresAt = expiresAt;
        TokenType = tokenType;
    }

    /// <summary>The opaque token value. Treat it as a secret.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string Value { get; }

    /// <summary>When the token stops being accepted.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The token type, <c>Bearer</c>.</summary>
    public string TokenType { get; }

    /// <summary>
    /// <c>Bearer &lt;value&gt;</c>, made once per token: every request sends the same string, added
    /// raw (the token reader has refused any value that could not be sent in a header).
    /// </summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    internal string AuthorizationHeaderValue => field ??= "Bearer " + Value;

    /// <summary>Describes the token with its value replaced by <c>***</c>.</summary>
    /// <returns><c>AccessToken { TokenType = Bearer, ExpiresAt = 2026-11-23T10:15:00.0000000+00:00, Value = *** }</c>.</returns>
    public override string ToString() =>
        $"AccessToken {{ TokenType = {TokenType}, ExpiresAt = {ExpiresAt.ToString("O", CultureInfo.InvariantCulture)}, Value = *** }}";
}
