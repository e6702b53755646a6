namespace OnePassword.Users.Emulator.Http;

/// <summary>An OAuth 2.0 error (RFC 6749 section 5.2), the error body of the token and revoke endpoints.</summary>
internal sealed record OAuthErrorBody(string Error, string ErrorDescription);
