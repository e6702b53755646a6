namespace OnePassword.Users.Runtime;

/// <summary>A token and when the request that obtained it was sent, the start of its lifetime.</summary>
/// <param name="Token">The token.</param>
/// <param name="IssuedAt">When the request that obtained it was sent.</param>
/// <param name="FromFleet">Whether it came from the fleet's cache rather than a request of this process.</param>
internal readonly record struct IssuedToken(AccessToken Token, DateTimeOffset IssuedAt, bool FromFleet = false);
