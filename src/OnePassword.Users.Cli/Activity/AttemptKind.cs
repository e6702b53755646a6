namespace OnePassword.Users.Cli.Activity;

/// <summary>Which endpoint a request on the wire is for.</summary>
internal enum AttemptKind
{
    /// <summary>A Users API call (it carries a bearer token and spends the rate limit).</summary>
    Api,

    /// <summary>A token request or revocation (HTTP Basic; not rate limited).</summary>
    Token,
}
