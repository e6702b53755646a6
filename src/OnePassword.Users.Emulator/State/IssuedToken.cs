namespace OnePassword.Users.Emulator;

/// <summary>An access token the emulator issued.</summary>
/// <param name="AccessToken">The opaque bearer token.</param>
/// <param name="ClientId">The client the token was issued to; only it may revoke the token.</param>
/// <param name="AccountId">The account the token grants access to.</param>
/// <param name="IssuedAt">When the token was issued, by the emulator's clock.</param>
/// <param name="ExpiresAt">When the token stops working, by the emulator's clock.</param>
/// <param name="Revoked">Whether the token was revoked.</param>
public sealed record IssuedToken(
    string AccessToken,
    string ClientId,
    string AccountId,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    bool Revoked)
{
    /// <summary>Whether the token works at <paramref name="now"/>: not revoked and not yet expired.</summary>
    /// <param name="now">The moment to check.</param>
    public bool IsActiveAt(DateTimeOffset now) => !Revoked && now < ExpiresAt;
}
