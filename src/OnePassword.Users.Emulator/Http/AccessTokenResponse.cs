namespace OnePassword.Users.Emulator.Http;

/// <summary>An issued access token (RFC 6749 section 5.1).</summary>
internal sealed record AccessTokenResponse(string AccessToken, string TokenType, int ExpiresIn, string Scope);
