namespace OnePassword.Users.Runtime;

/// <summary>A token and when the request that obtained it was sent, the start of its lifetime.</summary>
internal readonly record struct IssuedToken(AccessToken Token, DateTimeOffset IssuedAt);
